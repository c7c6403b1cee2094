import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../routing'
import type { Loaded } from '../ui/useLoaded'

/** A full-screen explanation (loading, bad link, unknown board…) with a way back home. */
export function ScreenMessage(props: { title: string; children?: ReactNode; testId?: string; busy?: boolean }) {
  const { t } = useTranslation()
  return (
    <main className="screen-message" data-testid={props.testId} role={props.busy ? 'status' : 'alert'} aria-busy={props.busy}>
      <h1>{props.title}</h1>
      {props.children}
      {!props.busy && (
        <p>
          <a
            href="/"
            onClick={(e) => {
              e.preventDefault()
              navigate('/')
            }}
          >
            {t('app.backHome')}
          </a>
        </p>
      )}
    </main>
  )
}

/** The board's info still loading, or why it could not be opened (board and projector screens). */
export function BoardInfoPending(props: { state: Exclude<Loaded<unknown>, { status: 'ready' }>; loadingTitle: string }) {
  const { t } = useTranslation()
  if (props.state.status === 'loading') return <ScreenMessage title={props.loadingTitle} busy />
  return (
    <ScreenMessage title={t('app.cannotOpen')} testId="board-error">
      <p>{props.state.message}</p>
    </ScreenMessage>
  )
}

/** A board or projector link without its secret (the part after `#`). */
export function LinkIncomplete(props: { text: string }) {
  const { t } = useTranslation()
  return (
    <ScreenMessage title={t('app.linkIncomplete')} testId="board-error">
      <p>{props.text}</p>
    </ScreenMessage>
  )
}
