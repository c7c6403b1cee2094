// The image types a board accepts as uploads: the server checks them, the canvas offers no others.
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number]
