import { useTranslation } from 'react-i18next'
import { PARTICIPANT_ROLES } from '../../../shared/src/roles'
import type { DesignSummary } from '../../../shared/src/summary'

// One level's totals in a line or two: the same numbers the summary panel shows for the board.

export function LevelTotals({ summary }: { summary: DesignSummary }) {
  const { t } = useTranslation()
  const { contentHours, formatHours, examWeights, contributions } = summary
  const roles = PARTICIPANT_ROLES.map((role) => `${t(`roles.${role}`)} ${contributions.byRole[role].created}`)
  return (
    <dl className="tavolo-levels-totals" data-testid="level-totals">
      <dt>{t('levels.contentHours')}</dt>
      <dd data-testid="level-content-hours">{contentHours.target !== null ? t('units.hoursOfShort', contentHours) : t('units.hours', { value: contentHours.total })}</dd>
      <dt>{t('levels.formatHours')}</dt>
      <dd>{t('units.hours', { value: formatHours.total })}</dd>
      <dt>{t('levels.examWeights')}</dt>
      <dd>{t('units.percent', { value: examWeights.total })}</dd>
      <dt>{t('levels.cardsByRole')}</dt>
      <dd>{roles.join(' · ')}</dd>
      {summary.warnings.length > 0 && (
        <>
          <dt>{t('levels.warnings')}</dt>
          <dd>{summary.warnings.length}</dd>
        </>
      )}
    </dl>
  )
}
