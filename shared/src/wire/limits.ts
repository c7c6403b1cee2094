// Defaults and limits that the server enforces and the client mirrors in its forms.

/** The title a board gets when its creator gives none. */
export const DEFAULT_BOARD_TITLE = 'Untitled workshop'
/** The title of an imported board whose file has none. */
export const IMPORTED_BOARD_TITLE = 'Imported workshop'
/** The template POST /api/boards uses when the body names none, and the home page's fallback. */
export const DEFAULT_TEMPLATE_ID = 'blank'
/** Board titles have 1 to this many characters (after trimming). */
export const MAX_TITLE_LENGTH = 200
/** A person's display name has at most this many characters. */
export const MAX_PERSON_NAME_LENGTH = 60
/** Largest JSON body the API reads (board files are read with their own limit). */
export const MAX_JSON_BODY_BYTES = 64 * 1024

/** The image types a board accepts as uploads: the server checks them, the canvas offers no others. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number]
