import { useEffect, useState } from 'react'
import { atom, type Signal, type TLCurrentUser } from 'tldraw'
import { createBoardUser } from './boardUser'
import type { BoardConnection } from './boardConnections'
import { writeOwnPeopleEntry } from './peopleEntry'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'

// This person on a board: the editor's user, and their entry in the board's `people` map
// (attribution). Who else is here is usePresentPeople.ts.

export interface BoardPerson {
  /** This person, read by the running session: a name or colour change needs no reload. */
  $person: Signal<PresencePerson>
  /** Pass to `<Tldraw user>`: the editor's user is this person, as their presence says. */
  user: TLCurrentUser
}

export function useBoardPerson(connection: BoardConnection, person: PresencePerson, readOnly: boolean): BoardPerson {
  const [$person] = useState(() => atom('board person', person))
  const [user] = useState(() => createBoardUser($person))
  useEffect(() => {
    $person.set(person)
    if (!readOnly) writeOwnPeopleEntry(connection.doc, person.id, person)
  }, [$person, person, readOnly, connection])
  return { $person, user }
}
