import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useValue, type Editor, type TLShape } from 'tldraw'
import { readShapes, type ShapeLike } from '../../../shared/src/board/shapeLike'
import { ZONE_TYPE } from '../../../shared/src/cards/zone/zone'
import type { StoredPerson } from '../../../shared/src/doc/people'
import { BUDGETS_ROOT, SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { levels } from '../../../shared/src/levels/tableZones'
import { seatOf, zoneTableId, type TableDef } from '../../../shared/src/levels/tables'
import type { SessionState } from '../../../shared/src/session/sessionKeys'
import { usePeople } from '../sync/usePeople'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'

// What the levels panel reads: the shapes, who sits where, the ballots. Worked out once per change
// by LevelsProvider, which the panel mounts only while open (every shape moving changes it), and
// read by each part of the panel through useLevels.

export interface Levels {
  editor: Editor | null
  session: SessionState
  /** The `session` map as stored (the summary reads its targets and rules). */
  plainSession: Readonly<Record<string, unknown>>
  shapes: readonly TLShape[]
  /** The same shapes as the shared code reads them (what cardLabel names), by id. */
  shapesById: ReadonlyMap<string, ShapeLike>
  people: Readonly<Record<string, StoredPerson>>
  budgets: Readonly<Record<string, unknown>>
  seatPicks: Readonly<Record<string, unknown>>
  tables: readonly TableDef[]
  /** The table a person sits at, or null. */
  seatOf(personId: string): string | null
  /** The level (table id, null: plenary) a shape is on. */
  levelOf(shapeId: string): string | null
  /** My own table, or null. */
  mySeat: string | null
}

const LevelsContext = createContext<Levels | null>(null)

export function LevelsProvider({ children }: { children: ReactNode }) {
  const { doc, editor, session, plainSession, personId } = useBoardFacilitation()
  const shapes = useValue('levels shapes', () => (editor ? editor.store.query.records('shape').get() : []), [editor])
  const people = usePeople(doc)
  const budgets = usePlainMap(doc, BUDGETS_ROOT)
  const seatPicks = usePlainMap(doc, SEAT_PICKS_ROOT)
  const shapesById = useMemo(() => new Map(readShapes(shapes).map((shape) => [shape.id, shape])), [shapes])
  const levelOf = useMemo(() => levels(shapes), [shapes])
  const value = useMemo<Levels>(() => {
    const seat = (id: string) => seatOf(session, seatPicks, id)
    return {
      editor,
      session,
      plainSession,
      shapes,
      shapesById,
      people,
      budgets,
      seatPicks,
      tables: session.tables,
      seatOf: seat,
      levelOf,
      mySeat: seat(personId),
    }
  }, [editor, session, plainSession, shapes, shapesById, levelOf, people, budgets, seatPicks, personId])
  return <LevelsContext.Provider value={value}>{children}</LevelsContext.Provider>
}

/** The levels, as the LevelsProvider around the caller works them out. */
export function useLevels(): Levels {
  const value = useContext(LevelsContext)
  if (!value) throw new Error('useLevels needs a LevelsProvider around it')
  return value
}

/** Zooms the editor to a level's zones (a table, or null: the plenary); false when it has none (yet). */
export function zoomToLevel(editor: Editor, shapes: readonly TLShape[], tableId: string | null): boolean {
  // A zone's level is its own table (tableZones.levels).
  const ids = shapes.filter((s) => s.type === ZONE_TYPE && zoneTableId(s.meta) === tableId).map((s) => s.id)
  const box = editor.getShapesPageBounds(ids)
  if (box) editor.zoomToBounds(box, { inset: 40, animation: { duration: 300 } })
  return box !== null
}
