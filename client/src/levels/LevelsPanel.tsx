import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoardFacilitation } from '../facilitation/FacilitationContext'
import { useReturnFocus } from '../ui/useReturnFocus'
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

/** The tab a key moves to from `tab` (the ARIA tabs pattern: ←/→ wrap around, Home/End), or null for other keys. */
function tabAfterKey(tab: Tab, key: string): Tab | null {
  const at = TABS.indexOf(tab)
  if (key === 'ArrowRight') return TABS[(at + 1) % TABS.length]
  if (key === 'ArrowLeft') return TABS[(at - 1 + TABS.length) % TABS.length]
  if (key === 'Home') return TABS[0]
  if (key === 'End') return TABS[TABS.length - 1]
  return null
}

export function LevelsPanel(props: { boardId: string; secret: string; presentPeople: readonly PresentPerson[] }) {
  const { isFacilitator, session } = useBoardFacilitation()
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<Tab>('tables')
  // Close unmounts the panel with the focus in it: the toggle takes it back.
  const toggle = useReturnFocus<HTMLButtonElement>(open)
  const ids = useId()
  const tabId = (name: Tab) => `${ids}-tab-${name}`
  const panelId = (name: Tab) => `${ids}-panel-${name}`
  const onTabKey = (e: KeyboardEvent) => {
    const next = tabAfterKey(tab, e.key)
    if (!next) return
    e.preventDefault()
    setTab(next)
    document.getElementById(tabId(next))?.focus()
  }
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
      <button ref={toggle} type="button" className="tavolo-levels-toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="levels-toggle">
        {t('levels.open')}
      </button>
      {open && (
        <aside className="tavolo-levels" aria-label={t('levels.title')} data-testid="levels-panel">
          <div className="tavolo-levels-head">
            {/* One tab stop for the tabs (the selected one); the arrows move between them and show each. */}
            <div role="tablist" aria-label={t('levels.title')} className="tavolo-levels-tabs" onKeyDown={onTabKey}>
              {TABS.map((name) => (
                <button
                  key={name}
                  id={tabId(name)}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  aria-controls={panelId(name)}
                  tabIndex={tab === name ? 0 : -1}
                  onClick={() => setTab(name)}
                  data-testid={`levels-tab-${name}`}
                >
                  {t(`levels.tab_${name}`)}
                </button>
              ))}
            </div>
            <button type="button" onClick={() => setOpen(false)} data-testid="levels-close">
              {t('levels.close')}
            </button>
          </div>
          <LevelsProvider>
            {TABS.map((name) => (
              <div key={name} role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)} hidden={tab !== name} tabIndex={0} className="tavolo-levels-body">
                {tab === name && name === 'drafting' && <DraftingSection boardId={props.boardId} secret={props.secret} presentPeople={props.presentPeople} />}
                {tab === name && name === 'tables' && <TablesSection />}
                {tab === name && name === 'budget' && <BudgetSection />}
                {tab === name && name === 'plenary' && <CompareSection />}
              </div>
            ))}
          </LevelsProvider>
        </aside>
      )}
    </>
  )
}
