import { useEffect, useState } from 'react'
import { react, type Signal, type TLStore } from 'tldraw'
import type { BoardConnection } from './boardConnections'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'
import { bindPresence, type PresentPerson } from './presence'

// Who is here: this person's presence published, and everyone connected as their presence says.

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
