// The four phases of co-production (Nabatchi et al. 2017, as in the lecture Tavolo grew from).
// The phase bar shows them to everyone; a phase may switch on a tool for participants.

export type PhaseNumber = 1 | 2 | 3 | 4
export type PhaseTool = 'voting' | 'rating'

export interface Phase {
  number: PhaseNumber
  /** Stable id, safe for test ids and CSS classes. */
  id: 'co-commission' | 'co-design' | 'co-delivery' | 'co-assess'
  label: string
  /** A few words under the label on the phase bar. */
  tagline: string
  description: string
  /** Tools this phase switches on for participants. */
  tools: readonly PhaseTool[]
}

export const PHASES: readonly Phase[] = [
  {
    number: 1,
    id: 'co-commission',
    label: 'Co-commission',
    tagline: 'Ideas and priorities',
    description: 'Identify and prioritise the needed contents, outcomes and users: add ideas and vote with dots.',
    tools: ['voting'],
  },
  {
    number: 2,
    id: 'co-design',
    label: 'Co-design',
    tagline: 'Fill the template',
    description: 'Bring the experience of students, citizens and professionals into the design: fill the template together.',
    tools: [],
  },
  {
    number: 3,
    id: 'co-delivery',
    label: 'Co-delivery',
    tagline: 'Who delivers each part',
    description: 'Decide who delivers each part: professionals, guest citizens or both.',
    tools: [],
  },
  {
    number: 4,
    id: 'co-assess',
    label: 'Co-assess',
    tagline: 'Rate the design',
    description: 'Monitor and evaluate the design together: rate it on the agreed criteria.',
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

/** The stored phase, or undefined when the stored value is not one of 1–4. */
export function readPhase(value: unknown): PhaseNumber | undefined {
  return isPhaseNumber(value) ? value : undefined
}
