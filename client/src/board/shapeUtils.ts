import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { tavoloShapeUtils } from '../shapes'

// Tavolo's own shape utils (cards, zones) join here; tldraw adds its default shapes itself.
// One array instance, so the store and the editor always see the same list.
export const customShapeUtils: readonly TLAnyShapeUtilConstructor[] = tavoloShapeUtils
