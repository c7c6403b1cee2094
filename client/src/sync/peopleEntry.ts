import { isEqual } from 'tldraw'
import * as Y from 'yjs'
import type { StoredPerson } from '../../../shared/src/doc/people'
import { PEOPLE_ROOT } from '../../../shared/src/doc/roots'

// The `people` map keeps who took part after they leave (attribution); each person writes only
// their own key, and only when something changed, so reloading adds nothing to the doc.

export function writeOwnPeopleEntry(doc: Y.Doc, personId: string, entry: StoredPerson): void {
  const people = doc.getMap<unknown>(PEOPLE_ROOT)
  const value: StoredPerson = { name: entry.name, role: entry.role, colour: entry.colour }
  if (!isEqual(people.get(personId), value)) people.set(personId, value)
}
