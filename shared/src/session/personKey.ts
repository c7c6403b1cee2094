// `votes` and `ratings` keys are `<subject>/<person id>`: one key per person, so concurrent
// writers never overwrite each other. Subjects may contain anything (tldraw ids contain ':',
// a criterion may contain '/'), person ids never contain '/', so the LAST '/' splits a key.

export interface PersonKey {
  subject: string
  personId: string
}

/** `<subject>/<person id>`; throws when either part is empty or the person id contains '/'. */
export function personKey(subject: string, personId: string): string {
  if (!subject) throw new Error('A vote or rating key needs a card id or criterion')
  if (!personId || personId.includes('/')) throw new Error(`Not a valid person id: "${personId}"`)
  return `${subject}/${personId}`
}

/** The two parts of a key, or null when it has no '/' or an empty part. */
export function parsePersonKey(key: string): PersonKey | null {
  const slash = key.lastIndexOf('/')
  if (slash <= 0 || slash === key.length - 1) return null
  return { subject: key.slice(0, slash), personId: key.slice(slash + 1) }
}
