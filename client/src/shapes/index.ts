import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { ContentCardShapeUtil } from './ContentCardShapeUtil'
import { ExamCardShapeUtil } from './ExamCardShapeUtil'
import { FormatCardShapeUtil } from './FormatCardShapeUtil'
import { IdeaCardShapeUtil } from './IdeaCardShapeUtil'
import { ZoneShapeUtil } from './ZoneShapeUtil'

/** Tavolo's shapes: the four cards and the zones. Pass to the store and to <Tldraw shapeUtils>. */
export const tavoloShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ContentCardShapeUtil,
  FormatCardShapeUtil,
  ExamCardShapeUtil,
  IdeaCardShapeUtil,
  ZoneShapeUtil,
]
