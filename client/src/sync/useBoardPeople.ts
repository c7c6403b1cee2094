import { useEffect, useState } from 'react'
import { atom, react, type Signal, type TLCurrentUser, type TLStore } from 'tldraw'
import { createBoardUser } from './boardUser'
import type { BoardConnection } from './boardConnections'
import { writeOwnPeopleEntry } from './peopleEntry'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'
import { bindPresence, type PresentPerson } from './presence'

// This person on a board and who else is here: the person as the editor's user and in the
// board's `people` map (attribution), their presence published, and everyone connected.

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

/** Everyone connected, this client first (viewers included); empty until the store is bound. */
export function usePresentPeople(connection: BoardConnection, boundStore: TLStore | null, $person: Signal<PresencePerson>): PresentPerson[] {
  const [presentPeople, setPresentPeople] = useState<PresentPerson[]>([])
  // Cursors are records in the store: presence starts once the store holds the board.
  useEffect(() => {
    if (!boundStore) return
    const presence = bindPresence(boundStore, connection.provider.awareness, $person)
    const stopListing = react('present people', () => setPresentPeople(presence.people.get()))
    return () => {
      stopListing()
      presence.dispose()
      setPresentPeople([])
    }
  }, [boundStore, connection, $person])
  return presentPeople
}
