import { isObject } from '../board/shapeLike'
import { isValidHours } from '../cards/numberFields'
import type { TemplateTargets } from '../templates/template'

// The design's targets live in `session.targets`, seeded by the template and edited by the
// facilitator. A board without a target (blank template) has none rather than a made-up 50.

export type SessionTargets = TemplateTargets

export const DEFAULT_TARGETS: SessionTargets = {}

/** The stored targets, keeping only a valid positive `totalHours`; undefined when not an object. */
export function readTargets(value: unknown): SessionTargets | undefined {
  if (!isObject(value)) return undefined
  const { totalHours } = value
  return isValidHours(totalHours) && totalHours > 0 ? { totalHours } : {}
}
