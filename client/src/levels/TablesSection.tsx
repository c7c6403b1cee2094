import { memo, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZONE_TYPE } from '../../../shared/src/cards/zone/zone'
import { participantsOf } from '../../../shared/src/doc/people'
import { SEAT_PICKS_ROOT } from '../../../shared/src/doc/roots'
import { peopleByTable } from '../../../shared/src/levels/seating'
import { planSeating, planSplit, type SeatingMode } from '../../../shared/src/levels/splitRoom'
import { MAX_TABLE_NAME, MAX_TABLES, MIN_TABLES, renameTable, type TableDef } from '../../../shared/src/levels/tables'
import { renamedZoneTitles } from '../../../shared/src/levels/tableZones'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { randomId } from '../state/randomId'
import { ErrorText, invalidWhen } from '../ui/ErrorText'
import { RadioChoice } from '../ui/RadioChoice'
import { useReturnFocus } from '../ui/useReturnFocus'
import { LevelTotals } from './LevelTotals'
import { storeZones } from '../cards/zoneOnPage'
import { useLevelsRoom, useTableSummary, zoomToLevel } from './useLevels'

// Tables: the facilitator splits the room (2–12 tables: by hand, let people pick, or at random
// with a balance of roles), seats people, renames and recolours a table, seats everyone again on
// the same tables (zones and cards stay), brings one table to where they are, restricts editing
// to tables; everyone sees each table's people and totals, and goes to any table. Only the totals
// follow the cards: the rest reads the shapes when clicked, so a card moving re-renders none of it.

export function TablesSection() {
  const { isFacilitator, readOnly, personId, doc, writeSession } = useBoardFacilitation()
  const levels = useLevelsRoom()
  const { t } = useTranslation()
  const { editor, tables, mySeat, session } = levels
  if (tables.length === 0) return isFacilitator ? <SplitForm /> : <p className="hint">{t('levels.noTables')}</p>
  const groups = peopleByTable(participantsOf(levels.people), tables, levels.seatOf)
  return (
    <div data-testid="tables-section">
      {!isFacilitator && (
        <p data-testid="my-table">
          {mySeat ? t('levels.youSitAt', { table: tables.find((tb) => tb.id === mySeat)?.name }) : t('levels.notSeated')}
        </p>
      )}
      {!isFacilitator && !readOnly && session.tablePicking && (
        <label>
          {t('levels.pickTable')}{' '}
          <TableSelect
            testId="pick-table"
            value={typeof levels.seatPicks[personId] === 'string' ? String(levels.seatPicks[personId]) : ''}
            onPick={(tableId) => doc.getMap(SEAT_PICKS_ROOT).set(personId, tableId)}
          />
        </label>
      )}
      {isFacilitator && <TableOptions />}
      <ul className="tavolo-levels-tables">
        {groups.map(({ table, people }) => (
          <li key={table?.id ?? 'unseated'} data-testid="table-card" data-table-id={table?.id ?? ''}>
            <h4>
              {table && <span className="tavolo-levels-swatch" style={{ background: table.colour }} aria-hidden="true" />}
              {table ? table.name : t('levels.unseated')}
              {table && editor && (
                <button type="button" onClick={() => zoomToLevel(editor, storeZones(editor.store).get(), table.id)}>
                  {t('levels.goTo')}
                </button>
              )}
              {table && isFacilitator && (
                <button
                  type="button"
                  onClick={() => writeSession('follow', { facilitatorId: personId, requestId: randomId(), tableId: table.id })}
                  aria-label={t('levels.bringTableLabel', { table: table.name })}
                  data-testid="bring-table"
                >
                  {t('levels.bringTable')}
                </button>
              )}
            </h4>
            <p className="hint">{people.length === 0 ? t('levels.nobody') : people.map((p) => p.name).join(', ')}</p>
            {isFacilitator && table && <TableSettings table={table} />}
            {isFacilitator && table === null && <SeatByHand personIds={people.map((p) => p.personId)} />}
            {table && <TableTotals tableId={table.id} />}
          </li>
        ))}
      </ul>
      {editor && (
        <button type="button" onClick={() => zoomToLevel(editor, storeZones(editor.store).get(), null)}>
          {t('levels.goToPlenary')}
        </button>
      )}
      {isFacilitator && <ReseatForm />}
    </div>
  )
}

const TableTotals = memo(function TableTotals({ tableId }: { tableId: string }) {
  return <LevelTotals summary={useTableSummary(tableId)} />
})

function SplitForm() {
  const { editor, people } = useLevelsRoom()
  const { doc, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  const [count, setCount] = useState('2')
  const [mode, setMode] = useState<SeatingMode>('random')
  const [error, setError] = useState<string | null>(null)
  const split = () => {
    if (!editor) return
    const n = Number(count)
    if (!Number.isInteger(n) || n < MIN_TABLES || n > MAX_TABLES) return setError(t('levels.countInvalid', { min: MIN_TABLES, max: MAX_TABLES }))
    const plan = planSplit({
      count: n,
      mode,
      people: participantsOf(people),
      records: editor.store.allRecords(),
      random: Math.random,
      tableId: () => randomId().slice(0, 12),
      tableName: (order) => t('levels.tableName', { number: order + 1 }),
      at: Date.now(),
    })
    if (!plan) return setError(t('levels.noZones'))
    editor.run(() => {
      editor.markHistoryStoppingPoint('split into tables')
      editor.createShapes(plan.zones)
    })
    // One update: peers never see tables with nobody seated, and the relay judges the split once.
    doc.transact(() => {
      writeSession('tables', plan.tables)
      writeSession('seating', plan.seating)
      writeSession('tablePicking', plan.tablePicking)
    })
    setError(null)
  }
  return (
    <div className="tavolo-levels-form" data-testid="split-form">
      <label htmlFor="tavolo-table-count">{t('levels.tableCount')}</label>
      <input id="tavolo-table-count" type="number" min={MIN_TABLES} max={MAX_TABLES} value={count} onChange={(e) => setCount(e.target.value)} />
      <SeatingChoice name="tavolo-seating" testId="seating" mode={mode} onChange={setMode} />
      <ErrorText message={error} />
      <button type="button" className="primary" onClick={split} data-testid="split-room">
        {t('levels.split')}
      </button>
    </div>
  )
}

/** The ways to seat the room, for the split and for seating everyone again. */
const SEATING_MODES: readonly SeatingMode[] = ['random', 'pick', 'hand']

function SeatingChoice({ name, testId, mode, onChange }: { name: string; testId: string; mode: SeatingMode; onChange(mode: SeatingMode): void }) {
  const { t } = useTranslation()
  return <RadioChoice legend={t('levels.seating')} name={name} testId={testId} options={SEATING_MODES} value={mode} label={(m) => t(`levels.seating_${m}`)} onChange={onChange} />
}

/** A table's name and colour; a rename also renames the table's zones still titled after it. */
function TableSettings({ table }: { table: TableDef }) {
  const { session, writeSession } = useBoardFacilitation()
  const { editor } = useLevelsRoom()
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(table.name)
  const [colour, setColour] = useState(table.colour)
  const [error, setError] = useState<string | null>(null)
  const errorId = `tavolo-table-error-${table.id}`
  const opener = useReturnFocus<HTMLButtonElement>(open)
  if (!open) {
    return (
      <button
        type="button"
        ref={opener}
        onClick={() => {
          setName(table.name)
          setColour(table.colour)
          setOpen(true)
        }}
        aria-label={t('levels.tableSettings', { table: table.name })}
        data-testid="table-settings"
      >
        {t('levels.editTable')}
      </button>
    )
  }
  const save = () => {
    const tables = renameTable(session.tables, table.id, name, colour)
    if (!editor) return
    if (!tables) return setError(t('levels.tableNameInvalid', { max: MAX_TABLE_NAME }))
    const renamed = tables.find((tb) => tb.id === table.id)!
    editor.run(() => {
      editor.markHistoryStoppingPoint('rename table')
      editor.updateShapes(renamedZoneTitles(storeZones(editor.store).get(), table, renamed).map(({ id, title }) => ({ id, type: ZONE_TYPE, props: { title } })))
    })
    writeSession('tables', tables)
    setError(null)
    setOpen(false)
  }
  return (
    <form
      className="tavolo-levels-form"
      aria-label={t('levels.tableSettings', { table: table.name })}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      <label>
        {t('levels.renameTable')}{' '}
        <input
          value={name}
          maxLength={MAX_TABLE_NAME}
          onChange={(e) => setName(e.target.value)}
          autoFocus
          data-testid="table-name"
          {...invalidWhen(error, errorId)}
        />
      </label>
      <label>
        {t('levels.tableColour')} <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} data-testid="table-colour" />
      </label>
      <ErrorText message={error} id={errorId} />
      <div className="actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t('levels.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!editor} data-testid="table-save">
          {t('levels.saveTable')}
        </button>
      </div>
    </form>
  )
}

/** Seats everyone again on the same tables (confirmed first: people may move); zones and cards stay. */
function ReseatForm() {
  const { doc, session, writeSession } = useBoardFacilitation()
  const { people } = useLevelsRoom()
  const { t } = useTranslation()
  const [mode, setMode] = useState<SeatingMode>('random')
  const [confirming, setConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const reseatRef = useReturnFocus<HTMLButtonElement>(confirming)
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])
  const reseat = () => {
    const plan = planSeating(mode, participantsOf(people), session.tables, Math.random)
    doc.transact(() => {
      doc.getMap(SEAT_PICKS_ROOT).clear()
      writeSession('seating', plan.seating)
      writeSession('tablePicking', plan.tablePicking)
    })
    setConfirming(false)
  }
  return (
    <div className="tavolo-levels-form" data-testid="reseat-form">
      <h4>{t('levels.reseat')}</h4>
      <p className="hint">{t('levels.reseatHint')}</p>
      <SeatingChoice name="tavolo-reseat" testId="reseat-mode" mode={mode} onChange={setMode} />
      {confirming ? (
        <div role="alertdialog" aria-label={t('levels.reseat')} onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <p>{t('levels.reseatConfirm', { mode: t(`levels.seating_${mode}`) })}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('levels.cancel')}
            </button>
            <button type="button" className="primary" ref={confirmRef} onClick={reseat} data-testid="reseat-confirm">
              {t('levels.reseatYes')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={reseatRef} onClick={() => setConfirming(true)} data-testid="reseat">
          {t('levels.reseat')}
        </button>
      )}
    </div>
  )
}

function TableOptions() {
  const { session, writeSession } = useBoardFacilitation()
  const { t } = useTranslation()
  return (
    <div className="tavolo-levels-form">
      <label className="radio">
        <input type="checkbox" checked={session.tableEditing} onChange={(e) => writeSession('tableEditing', e.target.checked)} data-testid="table-editing" />
        {t('levels.restrictEditing')}
      </label>
      <label className="radio">
        <input type="checkbox" checked={session.tablePicking} onChange={(e) => writeSession('tablePicking', e.target.checked)} />
        {t('levels.letPick')}
      </label>
    </div>
  )
}

function SeatByHand({ personIds }: { personIds: string[] }) {
  const { session, writeSession } = useBoardFacilitation()
  const { people } = useLevelsRoom()
  return (
    <ul className="tavolo-levels-seat">
      {personIds.map((id) => (
        <li key={id}>
          <label>
            {people[id]?.name}{' '}
            <TableSelect testId="seat-person" value="" onPick={(tableId) => writeSession('seating', { ...session.seating, [id]: tableId })} />
          </label>
        </li>
      ))}
    </ul>
  )
}

/** A choice of one of the session's tables: a person picking their own, or the facilitator seating someone. */
function TableSelect({ value, onPick, testId }: { value: string; onPick(tableId: string): void; testId: string }) {
  const { tables } = useLevelsRoom()
  const { t } = useTranslation()
  return (
    <select value={value} onChange={(e) => onPick(e.target.value)} data-testid={testId}>
      <option value="" disabled>
        {t('levels.chooseTable')}
      </option>
      {tables.map((table) => (
        <option key={table.id} value={table.id}>
          {table.name}
        </option>
      ))}
    </select>
  )
}
