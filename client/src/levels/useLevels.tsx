import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type Context, type ReactNode } from 'react'
import { useValue, type Editor, type TLShape } from 'tldraw'
import { readShapes, type ShapeLike } from '../../../shared/src/board/shapeLike'
import { ZONE_TYPE } from '../../../shared/src/cards/zone/zone'
import type { StoredPerson } from '../../../shared/src/doc/people'
import { BUDGETS_ROOT, SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { defaultLanguage, type Language } from '../../../shared/src/i18n'
import { summaryOfLevel } from '../../../shared/src/levels/comparison'
import { levels } from '../../../shared/src/levels/tableZones'
import { seatOf, zoneTableId, type TableDef } from '../../../shared/src/levels/tables'
import type { SessionState } from '../../../shared/src/session/sessionKeys'
import type { DesignSummary, SummaryInput } from '../../../shared/src/summary'
import { useLanguage } from '../i18n/i18n'
import { usePeople } from '../sync/usePeople'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { usePlainMap } from '../sync/usePlainMap'

// What the levels panel reads: the shapes, who sits where, the ballots. Worked out once per change
// by LevelsProvider, which the panel mounts only while open (every shape moving changes it). Parts
// that need no shapes read useLevelsRoom, which a card moving leaves alone; a table's totals
// come from useTableSummary, and what a tab shows of the shapes from useLevelsSelect, which
// re-render their reader only when what it reads changes.

/** The levels without the shapes: what a card moving does not change. */
export interface LevelsRoom {
  editor: Editor | null
  session: SessionState
  /** The `session` map as stored (the summary reads its targets and rules). */
  plainSession: Readonly<Record<string, unknown>>
  people: Readonly<Record<string, StoredPerson>>
  budgets: Readonly<Record<string, unknown>>
  seatPicks: Readonly<Record<string, unknown>>
  tables: readonly TableDef[]
  /** The table a person sits at, or null. */
  seatOf(personId: string): string | null
  /** My own table, or null. */
  mySeat: string | null
}

export interface Levels extends LevelsRoom {
  shapes: readonly TLShape[]
  /** The same shapes as the shared code reads them (what cardLabel names), by id. */
  shapesById: ReadonlyMap<string, ShapeLike>
  /** The level (table id, null: plenary) a shape is on. */
  levelOf(shapeId: string): string | null
}

/** Readers (useSyncExternalStore) of what the provider works out: told after each provider commit. */
class CommitReaders {
  private listeners = new Set<() => void>()

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** After the provider's commit: each reader compares its part with what it shows. */
  notify() {
    for (const listener of this.listeners) listener()
  }
}

/** A value with its JSON, so the next equal one can give way to it. */
interface Kept<T> {
  json: string
  value: T
}

/** `value`, or the previous one when equal as plain data: its reader then does not re-render. */
function keptWhileEqual<T>(previous: Kept<T> | undefined, value: T): Kept<T> {
  const json = JSON.stringify(value)
  return previous && previous.json === json ? previous : { json, value }
}

/**
 * Each table's summary, worked out when first asked for after a change (so at most once per table
 * and change, and only for the tables shown). A summary equal to the last one is that same object,
 * so its reader (useSyncExternalStore) does not re-render.
 */
class TableSummaries extends CommitReaders {
  private input: SummaryInput = { records: [], people: {}, session: {} }
  private language: Language = defaultLanguage
  private fresh = new Map<string, DesignSummary>()
  private last = new Map<string, Kept<DesignSummary>>()

  /** In the provider's render (so totals mounting in it read this change); the same inputs again do nothing. */
  update(input: SummaryInput, language: Language) {
    const same = input.records === this.input.records && input.people === this.input.people && input.session === this.input.session
    if (same && language === this.language) return
    this.input = input
    this.language = language
    this.fresh.clear()
  }

  summary(tableId: string): DesignSummary {
    const known = this.fresh.get(tableId)
    if (known) return known
    const kept = keptWhileEqual(this.last.get(tableId), summaryOfLevel(this.input, tableId, this.language))
    this.last.set(tableId, kept)
    this.fresh.set(tableId, kept.value)
    return kept.value
  }
}

/**
 * The latest levels, for readers that show only part of them (useLevelsSelect): told after each
 * provider commit, each reader re-renders only when its part changed.
 */
class LevelsStore extends CommitReaders {
  constructor(public current: Levels) {
    super()
  }
}

const LevelsStoreContext = createContext<LevelsStore | null>(null)
const LevelsRoomContext = createContext<LevelsRoom | null>(null)
const SummariesContext = createContext<TableSummaries | null>(null)

export function LevelsProvider({ children }: { children: ReactNode }) {
  const { doc, editor, session, plainSession, personId } = useBoardFacilitation()
  const shapes = useValue('levels shapes', () => (editor ? editor.store.query.records('shape').get() : []), [editor])
  const people = usePeople(doc)
  const budgets = usePlainMap(doc, BUDGETS_ROOT)
  const seatPicks = usePlainMap(doc, SEAT_PICKS_ROOT)
  const language = useLanguage()
  const shapesById = useMemo(() => new Map(readShapes(shapes).map((shape) => [shape.id, shape])), [shapes])
  const levelOf = useMemo(() => levels(shapes), [shapes])
  const room = useMemo<LevelsRoom>(() => {
    const seat = (id: string) => seatOf(session, seatPicks, id)
    return { editor, session, plainSession, people, budgets, seatPicks, tables: session.tables, seatOf: seat, mySeat: seat(personId) }
  }, [editor, session, plainSession, people, budgets, seatPicks, personId])
  const value = useMemo<Levels>(() => ({ ...room, shapes, shapesById, levelOf }), [room, shapes, shapesById, levelOf])
  const [summaries] = useState(() => new TableSummaries())
  summaries.update({ records: shapes, people, session: plainSession }, language)
  useLayoutEffect(() => summaries.notify(), [summaries, shapes, people, plainSession, language])
  const [store] = useState(() => new LevelsStore(value))
  // In the render, as for the summaries: a reader mounting or re-rendering in it reads this change.
  store.current = value
  useLayoutEffect(() => store.notify(), [store, value])
  return (
    <LevelsRoomContext.Provider value={room}>
      <SummariesContext.Provider value={summaries}>
        <LevelsStoreContext.Provider value={store}>{children}</LevelsStoreContext.Provider>
      </SummariesContext.Provider>
    </LevelsRoomContext.Provider>
  )
}

function useProvided<T>(context: Context<T | null>): T {
  const value = useContext(context)
  if (!value) throw new Error('the levels need a LevelsProvider around them')
  return value
}

/** The levels without the shapes: a card moving does not re-render the caller. */
export function useLevelsRoom(): LevelsRoom {
  return useProvided(LevelsRoomContext)
}

/**
 * What `select` reads of the levels (plain data): re-renders the caller only when it changes, not
 * on every change to a shape. `select` may close over the caller's props; it runs on each change.
 */
export function useLevelsSelect<T>(select: (levels: Levels) => T): T {
  const store = useProvided(LevelsStoreContext)
  const last = useRef<(Kept<T> & { levels: Levels; select: (levels: Levels) => T }) | null>(null)
  const read = () => {
    const known = last.current
    if (known && known.levels === store.current && known.select === select) return known.value
    last.current = { ...keptWhileEqual(known ?? undefined, select(store.current)), levels: store.current, select }
    return last.current.value
  }
  return useSyncExternalStore(store.subscribe, read)
}

/** The latest levels, for an event handler: reading it re-renders nothing. */
export function useLatestLevels(): () => Levels {
  const store = useProvided(LevelsStoreContext)
  return useCallback(() => store.current, [store])
}

/** A table's summary: re-renders the caller only when it changes. */
export function useTableSummary(tableId: string): DesignSummary {
  const summaries = useProvided(SummariesContext)
  const read = useCallback(() => summaries.summary(tableId), [summaries, tableId])
  return useSyncExternalStore(summaries.subscribe, read)
}

/** Zooms the editor to a level's zones (a table, or null: the plenary); false when it has none (yet). */
export function zoomToLevel(editor: Editor, shapes: readonly TLShape[], tableId: string | null): boolean {
  // A zone's level is its own table (tableZones.levels).
  const ids = shapes.filter((s) => s.type === ZONE_TYPE && zoneTableId(s.meta) === tableId).map((s) => s.id)
  const box = editor.getShapesPageBounds(ids)
  if (box) editor.zoomToBounds(box, { inset: 40, animation: { duration: 300 } })
  return box !== null
}
