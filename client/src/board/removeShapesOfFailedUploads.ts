import type { Editor, TLShapeId } from 'tldraw'

// When an upload fails tldraw deletes the placeholder asset but leaves the image shape that showed
// its preview, an empty box. Remove such shapes when this person's own asset deletion happens.
export function removeShapesOfFailedUploads(editor: Editor): () => void {
  return editor.sideEffects.registerAfterDeleteHandler('asset', (asset, source) => {
    if (source !== 'user') return
    const orphans: TLShapeId[] = editor
      .getCurrentPageShapes()
      .filter((shape) => 'assetId' in shape.props && shape.props.assetId === asset.id)
      .map((shape) => shape.id)
    if (orphans.length > 0) editor.deleteShapes(orphans)
  })
}
