import type { TLAssetStore } from 'tldraw'
import { describeError, uploadAsset } from '../api'

// Images dropped or pasted on the board go to the server and the document keeps only their URL,
// so the board never carries base64 copies of photos to every participant.
export function createBoardAssetStore(opts: { boardId: string; secret: string; onUploadError(message: string): void }): TLAssetStore {
  return {
    async upload(_asset, file) {
      try {
        const { url } = await uploadAsset(opts.boardId, opts.secret, file)
        return { src: url }
      } catch (error) {
        opts.onUploadError(`The image “${file.name}” was not added: ${describeError(error)}`)
        throw error
      }
    },
    resolve(asset) {
      return asset.props.src
    },
  }
}
