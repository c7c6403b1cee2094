import { useTranslation } from 'react-i18next'
import QRCode from 'qrcode'
import { getBoardLinkSecrets } from '../api'
import { useLoaded } from '../ui/useLoaded'
import type { AccessRole } from '../../../shared/src/roles'
import { joinLink, projectorLink } from '../../../shared/src/session/joinLink'

// The projector's QR code, drawn here (no web service sees the link). It holds the participant
// join link: from the projector link's `j` (the facilitator's "Projector view" puts it there), or
// read with a facilitator secret; a projector opened with a bare viewer link can only offer its
// own (view-only) link, and says so.

async function linkToShow(
  boardId: string,
  secret: string,
  joinSecret: string | null,
  role: AccessRole,
): Promise<{ link: string; isJoinLink: boolean }> {
  const origin = window.location.origin
  if (joinSecret) return { link: joinLink(origin, boardId, joinSecret), isJoinLink: true }
  if (role !== 'facilitator') return { link: projectorLink(origin, boardId, secret), isJoinLink: false }
  const { editor } = await getBoardLinkSecrets(boardId, secret)
  return { link: joinLink(origin, boardId, editor), isJoinLink: true }
}

export function JoinQrCode(props: { boardId: string; secret: string; joinSecret: string | null; role: AccessRole }) {
  const { boardId, secret, joinSecret, role } = props
  const { t } = useTranslation()
  const loaded = useLoaded(async () => {
    const { link, isJoinLink } = await linkToShow(boardId, secret, joinSecret, role)
    return { link, isJoinLink, image: await QRCode.toDataURL(link, { margin: 1, width: 320 }) }
  }, [boardId, secret, joinSecret, role])

  if (loaded.status === 'loading') return <p>{t('qr.preparing')}</p>
  if (loaded.status === 'error') return <p role="alert">{t('qr.failed', { message: loaded.message })}</p>
  const state = loaded.value
  return (
    <figure className="tavolo-present-qr" data-testid="join-qr" data-join-link={state.isJoinLink || undefined}>
      <img src={state.image} alt={state.isJoinLink ? t('qr.joinAlt') : t('qr.viewAlt')} />
      <figcaption>
        {state.isJoinLink ? (
          <>
            {t('qr.scanToJoin')}
            <span className="tavolo-present-link" data-testid="join-link">
              {state.link}
            </span>
          </>
        ) : (
          t('qr.viewerOnly')
        )}
      </figcaption>
    </figure>
  )
}
