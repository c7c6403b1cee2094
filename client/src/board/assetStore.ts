import type { TLAssetStore } from 'tldraw'
import { describeError, uploadAsset } from '../api'
import { i18next } from '../i18n/i18n'

// Images dropped or pasted on the board go to the server and the document keeps only their URL,
// so the board never carries base64 copies of photos to every participant.
export function createBoardAssetStore(opts: { boardId: string; secret: string; onUploadError(message: string): void }): TLAssetStore {
  return {
    async upload(_asset, file) {
      try {
        const { url } = await uploadAsset(opts.boardId, opts.secret, file)
        return { src: url }
      } catch (error) {
        opts.onUploadError(i18next.t('errors.imageNotAdded', { name: file.name, reason: describeError(error) }))
        throw error
      }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
