import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import type { PresentPerson } from '../sync/presence'
import { BudgetSection } from './BudgetSection'
import { CompareSection } from './CompareSection'
import { DraftingSection } from './DraftingSection'
import { TablesSection } from './TablesSection'
import { LevelsProvider } from './useLevels'
import { useStartAtMyTable } from './useStartAtMyTable'
import './levels.css'

// The levels of the exercise in one panel: private drafting and hour budgets (individual), tables
// (group), the plenary's comparison and adoption (collective).

const TABS = ['drafting', 'tables', 'budget', 'plenary'] as const
type Tab = (typeof TABS)[number]

export function LevelsPanel(props: { boardId: string; secret: string; presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator, session } = useBoardFacilitation()
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<Tab>('tables')
  useStartAtMyTable()
  // A participant's panel opens by itself when a budget round starts.
  const budgetOpen = session.budget.status === 'open'
  useEffect(() => {
    if (budgetOpen && !isFacilitator) {
      setOpen(true)
      setTab('budget')
    }
  }, [budgetOpen, isFacilitator])
  return (
    <>
      <button type="button" className="tavolo-levels-toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="levels-toggle">
        {t('levels.open')}
      </button>
      {open && (
        <aside className="tavolo-levels" aria-label={t('levels.title')} data-testid="levels-panel">
          <div role="tablist" className="tavolo-levels-tabs">
            {TABS.map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} data-testid={`levels-tab-${name}`}>
                {t(`levels.tab_${name}`)}
              </button>
            ))}
            <button type="button" onClick={() => setOpen(false)}>
              {t('levels.close')}
            </button>
          </div>
          <div role="tabpanel" className="tavolo-levels-body">
            <LevelsProvider>
              {tab === 'drafting' && <DraftingSection boardId={props.boardId} secret={props.secret} presentPeople={props.presentPeople} />}
              {tab === 'tables' && <TablesSection />}
              {tab === 'budget' && <BudgetSection />}
              {tab === 'plenary' && <CompareSection />}
            </LevelsProvider>
          </div>
        </aside>
      )}
    </>
  )
}
