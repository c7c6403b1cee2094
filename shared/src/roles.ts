// Two kinds of role. Access roles come from the secret in a link and are enforced by the server;
// person roles describe who a participant is in the co-production (usual or guest producer).

export const ACCESS_ROLES = ['facilitator', 'editor', 'viewer'] as const
export type AccessRole = (typeof ACCESS_ROLES)[number]

/** The roles of those who take part (everyone but the facilitator): ballots, tables and totals count by them. */
export const PARTICIPANT_ROLES = ['professional', 'citizen', 'student'] as const
export const PERSON_ROLES = ['facilitator', ...PARTICIPANT_ROLES] as const
export type PersonRole = (typeof PERSON_ROLES)[number]

export function isPersonRole(value: unknown): value is PersonRole {
  return typeof value === 'string' && (PERSON_ROLES as readonly string[]).includes(value)
}

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value)
}
