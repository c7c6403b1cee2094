import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { ZONE_TYPE } from '../../../shared/src/cards/zone/zone'

export interface SelectedZone {
  id: TLShapeId
  title: string
}

/** The zone that is the only selected shape, or null: what "Image of this zone" draws. */
export function useSelectedZone(editor: Editor | null): SelectedZone | null {
  const id = useValue(
    'selected zone id',
    () => {
      const shape = editor?.getOnlySelectedShape()
      return shape?.type === ZONE_TYPE ? shape.id : null
    },
    [editor],
  )
  const title = useValue('selected zone title', () => (id && editor ? readZoneTitle(editor, id) : ''), [editor, id])
  return id ? { id, title } : null
}

function readZoneTitle(editor: Editor, id: TLShapeId): string {
  const shape = editor.getShape(id)
  return shape?.type === ZONE_TYPE ? shape.props.title : ''
}
