import { useTranslation } from 'react-i18next'
import { DRAFT_DONE_ROOT } from '../../../shared/src/doc/roots'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import type { PresentPerson } from '../sync/presence'
import { usePeople } from '../sync/usePeople'
import { usePlainMap } from '../sync/usePlainMap'
import { draftingProgress } from './draftProgress'
import './draftingBanner.css'

// What a drafting round shows outside the levels panel, on the board and the projector: the
// banner, and the progress and "I'm done" that the panel's Private drafting tab shows too.

/** While a round is open, on the board under the facilitation bar: what is private, the counts, and "I'm done". */
export function DraftingBanner(props: { presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator, readOnly, session } = useBoardFacilitation()
  const { t } = useTranslation()
  if (session.drafting.status !== 'open') return null
  const drafter = !isFacilitator && !readOnly
  const text = drafter ? t('drafting.banner') : isFacilitator ? t('drafting.isOpen') : t('drafting.roomDrafting')
  return (
    <section className="tavolo-drafting-banner" aria-label={text} data-testid="drafting-banner">
      <strong>{text}</strong>
      <DraftingProgressText presentPeople={props.presentPeople} />
      {drafter && <DoneButton />}
    </section>
  )
}

/** "N of M still drafting" and who is done: names only. */
export function DraftingProgressText({ presentPeople }: { presentPeople: readonly PresentPerson[] }) {
  const { doc, session } = useBoardFacilitation()
  const { t, i18n } = useTranslation()
  const people = usePeople(doc)
  const done = usePlainMap(doc, DRAFT_DONE_ROOT)
  const editorsHere = presentPeople.filter((p) => p.person.accessRole === 'editor').map((p) => p.person.id)
  const progress = draftingProgress(done, session.drafting, editorsHere)
  const names = progress.doneIds.map((id) => people[id]?.name || t('card.unknownPerson')).sort((a, b) => a.localeCompare(b, i18n.language))
  return (
    <span className="tavolo-drafting-progress" aria-live="polite">
      <span data-testid="drafting-count" data-drafting={progress.drafting} data-total={progress.total}>
        {t('drafting.stillDrafting', { count: progress.drafting, total: progress.total })}
      </span>{' '}
      <span data-testid="drafting-done-names">{names.length > 0 ? t('drafting.doneNames', { names: names.join(', ') }) : t('drafting.nobodyDone')}</span>
    </span>
  )
}

/** "I'm done" in my own key of `draftDone`, for this round; pressed again, it is taken back. */
export function DoneButton() {
  const { doc, personId, session } = useBoardFacilitation()
  const { t } = useTranslation()
  const done = usePlainMap(doc, DRAFT_DONE_ROOT)
  const roundId = session.drafting.roundId
  const isDone = roundId !== null && done[personId] === roundId
  const toggle = () => {
    if (isDone) doc.getMap(DRAFT_DONE_ROOT).delete(personId)
    else if (roundId !== null) doc.getMap(DRAFT_DONE_ROOT).set(personId, roundId)
  }
  return (
    <span className="tavolo-drafting-done">
      {isDone && <span className="hint">{t('drafting.youAreDone')}</span>}
      <button type="button" className={isDone ? undefined : 'primary'} onClick={toggle} data-testid="drafting-done" data-done={isDone || undefined}>
        {isDone ? t('drafting.notDone') : t('drafting.done')}
      </button>
    </span>
  )
}
