import { T } from '@tldraw/validate'

// The four phases of co-production (Nabatchi et al. 2017, as in the lecture Tavolo grew from).
// The phase bar shows them to everyone; a phase may switch on a tool for participants.

export type PhaseNumber = 1 | 2 | 3 | 4
export type PhaseTool = 'voting' | 'rating'

export interface Phase {
  number: PhaseNumber
  /** Stable id, safe for test ids and CSS classes. */
  /** Also names its label, tagline and description in the catalogue (phases.<id>_label…). */
  id: 'co-commission' | 'co-design' | 'co-delivery' | 'co-assess'
  /** Tools this phase switches on for participants. */
  tools: readonly PhaseTool[]
}

export const PHASES: readonly Phase[] = [
  {
    number: 1,
    id: 'co-commission',
    tools: ['voting'],
  },
  {
    number: 2,
    id: 'co-design',
    tools: [],
  },
  {
    number: 3,
    id: 'co-delivery',
    tools: [],
  },
  {
    number: 4,
    id: 'co-assess',
    tools: ['rating'],
  },
]

export const DEFAULT_PHASE: PhaseNumber = 1

export function isPhaseNumber(value: unknown): value is PhaseNumber {
  return value === 1 || value === 2 || value === 3 || value === 4
}

export function phaseInfo(phase: PhaseNumber): Phase {
  return PHASES[phase - 1]
}

/** Whether `phase` switches `tool` on for participants. */
export function phaseHasTool(phase: PhaseNumber, tool: PhaseTool): boolean {
  return phaseInfo(phase).tools.includes(tool)
}

/** `session.phase`, and a drafting round's phase: one of 1–4. */
export const storedPhase = T.number.check((phase) => {
  if (!isPhaseNumber(phase)) throw new T.ValidationError(`Expected a phase from 1 to ${PHASES.length}, got ${phase}`)
}) as T.Validator<PhaseNumber>

/** Whether participants rate now: the facilitator's choice when made, else what the phase suggests. */
export function ratingsAreOpen(session: { phase: PhaseNumber; ratingsOpen: boolean | null }): boolean {
  return session.ratingsOpen ?? phaseHasTool(session.phase, 'rating')
}
