import { T } from '@tldraw/validate'
import { isBudgetHours, MAX_BUDGET_HOURS } from '../levels/budgets'
import type { TemplateTargets } from '../templates/template'
import { jsonObject } from '../wire/validation'

// The design's targets live in `session.targets`, seeded by the template and edited by the
// facilitator. A board without a target (blank template) has none rather than a made-up 50.

export type SessionTargets = TemplateTargets

export const DEFAULT_TARGETS: SessionTargets = {}

/** `session.targets`: a total above 0 hours, in steps of 0.5, that a budget round could take as its target; or none. */
export const storedTargets: T.Validator<SessionTargets> = jsonObject(
  T.object({
    totalHours: T.number
      .check((hours) => {
        if (!isBudgetHours(hours) || hours === 0) throw new T.ValidationError(`Expected more than 0 and at most ${MAX_BUDGET_HOURS} hours in steps of 0.5, got ${hours}`)
      })
      .optional(),
  }),
)
