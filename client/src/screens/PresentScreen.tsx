import { useTranslation } from 'react-i18next'
import { randomId } from '../state/randomId'
import { useRef, useState, type CSSProperties } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { BoardInfo } from '../api'
import { BoardCanvas } from '../board/BoardCanvas'
import { tavoloShapeUtils } from '../shapes'
import { useBoardHandle } from '../board/useBoardHandle'
import { useBoardInfo } from '../board/useBoardInfo'
import { ConnectionRefusedMessage, useConnectionRefusal } from '../facilitation/ConnectionRefusedMessage'
import { FacilitationProvider, useBoardFacilitation } from '../facilitation/FacilitationContext'
import { FacilitationResults } from '../facilitation/FacilitationResults'
import { JoinQrCode } from '../facilitation/JoinQrCode'
import { WorkshopTimer } from '../facilitation/WorkshopTimer'
import { useAutoScroll } from '../facilitation/useAutoScroll'
import { useProjectorCamera } from '../facilitation/useProjectorCamera'
import { readSessionValue } from '../../../shared/src/session/sessionState'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { usePlainMap } from '../sync/usePlainMap'
import '../facilitation/facilitation.css'
import '../facilitation/present.css'
import { phaseInfo } from '../../../shared/src/session/phases'
import { useDesignSummary } from '../summary/useDesignSummary'
import { useBoardSync } from '../sync/useBoardSync'
import { useProvideBoardPeople } from '../sync/useBoardPeople'
import { useProvideHiddenAuthors } from '../levels/draftCards'
import { DraftingBanner } from '../levels/DraftingBanner'
import { BoardInfoPending, LinkIncomplete } from './ScreenMessage'

// The projector view, `/b/<id>/present#k=<viewer or facilitator secret>`: the board read-only,
// showing what the facilitator picked (the whole board, a zone, or their view), with the phase,
// the timer, how many are still drafting privately, the summary and a QR code to join, in type
// large enough for the back of the room (designed for 1920×1080 at 4 m: card text at least 24 px
// on screen whatever the zoom, and a side panel that turns its own pages). It writes nothing to the board.

/** The least size of card text on the wall, in screen pixels. */
const WALL_CARD_TEXT_PX = 24
/** Above this page size (zoomed out), a card has room for its heading and its maker only. */
const TIGHT_FONT_PX = 20

export function PresentScreen({ boardId, secret, joinSecret }: { boardId: string; secret: string | null; joinSecret: string | null }) {
  const { t } = useTranslation()
  if (!secret) return <LinkIncomplete text={t('app.projectorLinkIncomplete')} />
  return <PresentLoader boardId={boardId} secret={secret} joinSecret={joinSecret} />
}

function PresentLoader({ boardId, secret, joinSecret }: { boardId: string; secret: string; joinSecret: string | null }) {
  const state = useBoardInfo(boardId, secret)
  const { t } = useTranslation()
  if (state.status !== 'ready') return <BoardInfoPending state={state} loadingTitle={t('app.openingProjector')} />
  return <PresentRoom info={state.value.info} secret={secret} joinSecret={joinSecret} licenseKey={state.value.licenseKey} />
}

function PresentRoom(props: { info: BoardInfo; secret: string; joinSecret: string | null; licenseKey: string | null }) {
  const { info, secret, licenseKey } = props
  const { t } = useTranslation()
  // Its own person, so a projector opened on the facilitator's laptop never follows itself.
  const [person] = useState(() => ({ id: `projector-${randomId()}`, name: t('present.projectorName'), role: 'projector', colour: '#5b6475' }))
  const [editor, setEditor] = useState<Editor | null>(null)
  const sync = useBoardSync({ boardId: info.id, secret, person, shapeUtils: tavoloShapeUtils, readOnly: true, accessRole: 'viewer' })
  const refusal = useConnectionRefusal(sync.provider)
  useBoardHandle(editor, sync.doc)
  useProvideBoardPeople(editor, sync.doc)
  useProvideHiddenAuthors(editor, sync.doc)
  const view = readSessionValue(usePlainMap(sync.doc, SESSION_ROOT), 'projectorView')
  useProjectorCamera(editor, view, sync.presentPeople)
  const facilitatorHere = sync.presentPeople.some((p) => !p.isSelf && p.person.accessRole === 'facilitator')
  const zoom = useValue('zoom', () => editor?.getZoomLevel() ?? 1, [editor])
  // Card text is sized in page units, which the zoom scales: this is the page size that shows 24 px.
  const wallFontPx = Math.ceil(WALL_CARD_TEXT_PX / zoom)
  const wallFont = { '--tavolo-wall-card-font': `${wallFontPx}px` } as CSSProperties
  const side = useRef<HTMLElement>(null)
  useAutoScroll(side)

  return (
    <FacilitationProvider doc={sync.doc} editor={editor} personId={person.id} isFacilitator={false} readOnly>
      <div className="tavolo-present" data-testid="present-screen" data-view={view.fit} data-wall-tight={wallFontPx > TIGHT_FONT_PX || undefined} style={wallFont}>
        <header className="tavolo-present-header">
          <h1>{info.title}</h1>
          <PresentPhase />
          <WorkshopTimer large />
        </header>
        <DraftingBanner presentPeople={sync.presentPeople} />
        <main className="tavolo-present-body">
          <BoardCanvas store={sync.store} user={sync.user} licenseKey={licenseKey} readOnly hideUi onEditor={setEditor} className="tavolo-present-canvas">
            {view.fit === 'facilitator' && !facilitatorHere && <p className="tavolo-present-waiting">{t('present.waiting')}</p>}
          </BoardCanvas>
          <aside className="tavolo-present-side" aria-label={t('present.summary')} ref={side} tabIndex={0} data-testid="present-side">
            <JoinQrCode boardId={info.id} secret={secret} joinSecret={props.joinSecret} role={info.role} />
            <PresentSummary />
          </aside>
        </main>
        {refusal && <ConnectionRefusedMessage refusal={refusal} />}
      </div>
    </FacilitationProvider>
  )
}

function PresentPhase() {
  const { session } = useBoardFacilitation()
  const phase = phaseInfo(session.phase)
  const { t } = useTranslation()
  return (
    <p className="tavolo-present-phase" data-testid="present-phase" data-phase={phase.number}>
      <span className="tavolo-present-phase-label">
        {phase.number} · {t(`phases.${phase.id}_label`)}
      </span>
      <span className="tavolo-present-phase-tagline">{t(`phases.${phase.id}_tagline`)}</span>
    </p>
  )
}

function PresentSummary() {
  const { doc, editor, session } = useBoardFacilitation()
  const { summary } = useDesignSummary(editor, doc)
  const { t } = useTranslation()
  const target = summary.contentHours.target
  return (
    <section className="tavolo-present-summary tavolo-summary" data-testid="present-summary">
      <dl>
        <dt>{t('present.content')}</dt>
        <dd>{target === null ? t('units.hours', { value: summary.contentHours.total }) : t('units.hoursOf', { total: summary.contentHours.total, target })}</dd>
        <dt>{t('present.formats')}</dt>
        <dd>{t('units.hours', { value: summary.formatHours.total })}</dd>
        <dt>{t('present.exams')}</dt>
        <dd>{t('units.percent', { value: summary.examWeights.total })}</dd>
      </dl>
      {session.voting.status === 'open' && <p>{t('present.votingOpen')}</p>}
      <FacilitationResults />
    </section>
  )
}
