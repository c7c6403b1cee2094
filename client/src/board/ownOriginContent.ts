import type { Editor, TLUiOverrides } from 'tldraw'
import { IMAGE_CONTENT_TYPES } from '../../../shared/src/wire/limits'

// Nothing on the board may load from another host (the server refuses such shapes too): tldraw's
// embed tool, its embed and bookmark conversions and its link-to-bookmark paste are turned off,
// a pasted URL stays text, and only the image types the server stores can be dropped or pasted.

export const ACCEPTED_IMAGE_TYPES: readonly string[] = IMAGE_CONTENT_TYPES
export const ACCEPTED_VIDEO_TYPES: readonly string[] = []

const FOREIGN_ACTIONS = ['insert-embed', 'convert-to-embed', 'convert-to-bookmark'] as const
const FOREIGN_TOOLS = ['embed'] as const

export const ownOriginUiOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    const kept = { ...actions }
    for (const id of FOREIGN_ACTIONS) delete kept[id]
    return kept
  },
  tools(_editor, tools) {
    const kept = { ...tools }
    for (const id of FOREIGN_TOOLS) delete kept[id]
    return kept
  },
}

/** Replaces tldraw's URL and embed handlers: a pasted or dropped link becomes a text shape. */
export function keepContentOnOwnOrigin(editor: Editor): void {
  editor.registerExternalContentHandler('embed', null)
  editor.registerExternalContentHandler('url', ({ url, point, sources }) => {
    void editor.putExternalContent({ type: 'text', text: url, point, sources })
  })
}
