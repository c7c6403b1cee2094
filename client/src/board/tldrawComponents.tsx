import { DefaultStylePanel, useEditor, useValue, type TLUiComponents, type TLUiStylePanelProps } from 'tldraw'
import { isCardType, ZONE_TYPE } from '../../../shared/src/cards'

// The parts of tldraw's own UI Tavolo replaces or leaves out: the people list is ours (one
// presence UI, not two), boards have one page (its menu only covered a zone's title), and the
// style panel shows only for drawings, which are all it styles.

function StylePanelForDrawings(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const drawingSelected = useValue(
    'drawing selected',
    // A drawing selected, or a drawing tool picked (its style is chosen before drawing).
    () => !editor.isIn('select') || editor.getSelectedShapes().some((s) => s.type !== ZONE_TYPE && !isCardType(s.type)),
    [editor],
  )
  return drawingSelected ? <DefaultStylePanel {...props} /> : null
}

export const tavoloComponents: TLUiComponents = {
  SharePanel: null,
  PageMenu: null,
  StylePanel: StylePanelForDrawings,
}
