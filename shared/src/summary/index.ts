// The design summary (totals, breakdowns, warnings, contributions) in one folder: importers take
// it from here, the files beside this one are its parts.
export { computeSummary, type DesignSummary, type SummaryInput, type ZoneSummary } from './designSummary'
export type { SummaryWarning, WarningCode } from './warnings'
export type { ContributionCount, Contributions, ContributorRole, PersonContribution } from './contributions'
