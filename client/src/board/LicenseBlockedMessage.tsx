import { useTranslation } from 'react-i18next'
const LICENSE_SETTING = 'TLDRAW_LICENSE_KEY'

export function LicenseBlockedMessage() {
  const { t } = useTranslation()
  return (
    <div className="screen-message" role="alert" data-testid="license-blocked">
      <h2>{t('board.licenseTitle')}</h2>
      <p>{t('board.licenseWhy')}</p>
      <p>
        {t('board.licenseFixBefore')} <code>{LICENSE_SETTING}</code> {t('board.licenseFixAfter')}
      </p>
    </div>
  )
}
