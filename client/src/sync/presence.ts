import {
  atom,
  computed,
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  react,
  UserRecordType,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
  type TLUserId,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { PRESENCE_INTERVAL_MS } from '../../../shared/src/wire/presence'
import { decodePresencePerson, type PresencePerson } from '../../../shared/src/wire/presencePerson'

// Presence travels over Yjs awareness, never the document (docs/architecture.md). Each client publishes two
// fields: `person` (who they are, for the people list, viewers included) and `presence` (tldraw's
// cursor/camera/selection record, drawn by the editor as a collaborator's cursor).

/** One connected client (a person with two tabs open appears twice, with two client ids). */
export interface PresentPerson {
  clientId: number
  /** The tldraw user id of this person's presence: what `editor.startFollowingUser` takes. */
  userId: TLUserId
  person: PresencePerson
  isSelf: boolean
}

export interface PresenceBinding {
  /** Everyone connected to the board, this client first; updates as people come and go. */
  people: Signal<PresentPerson[]>
  dispose(): void
}

/** The tldraw user record of a person: their presence and attribution carry this id and name. */
export function personAsUser(person: Pick<PresencePerson, 'id' | 'name' | 'colour'>): TLUser {
  return UserRecordType.create({ id: createUserId(person.id), name: person.name, color: person.colour })
}

/** The store id of the presence record drawn for one awareness client. */
export function presenceIdOf(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`client-${clientId}`)
}

export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $person: Signal<PresencePerson>,
  log: (message: string, detail?: unknown) => void = (message, detail) => console.warn(message, detail),
): PresenceBinding {
  const $user = computed<TLUser | null>('presence user', () => personAsUser($person.get()))
  const $presence = createPresenceStateDerivation($user, { instanceId: presenceIdOf(awareness.clientID) })(store)
  const people = atom<PresentPerson[]>('present people', [])

  const stopPublishingPerson = react('publish person', () => {
    awareness.setLocalStateField('person', $person.get())
  })
  // The cursor moves with every pointer event; the server forwards presence at most every
  // PRESENCE_INTERVAL_MS anyway, so sending more often only costs bandwidth (latest state wins).
  let lastPublished = -Infinity
  let publishTimer: ReturnType<typeof setTimeout> | null = null
  const publishPresence = () => {
    publishTimer = null
    lastPublished = performance.now()
    awareness.setLocalStateField('presence', $presence.get())
  }
  const stopPublishingPresence = react('publish presence', () => {
    $presence.get()
    if (publishTimer) return
    const wait = lastPublished + PRESENCE_INTERVAL_MS - performance.now()
    if (wait <= 0) publishPresence()
    else publishTimer = setTimeout(publishPresence, wait)
  })

  const validPresence = (clientId: number, value: unknown): TLInstancePresence | null => {
    if (typeof value !== 'object' || value === null) return null
    const id = presenceIdOf(clientId)
    const before = store.get(id) ?? null
    try {
      // The id is ours to choose: a peer can only ever place its own cursor.
      const record = { ...(value as TLInstancePresence), id, typeName: 'instance_presence' as const }
      return store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before) as TLInstancePresence
    } catch (error) {
      log(`Ignored an invalid presence from client ${clientId}`, error)
      return null
    }
  }

  const refreshPeople = () => {
    const list: PresentPerson[] = []
    for (const [clientId, state] of awareness.getStates()) {
      const decoded = decodePresencePerson(state.person)
      // Not logged: a client publishes `person` a moment after joining, and this runs on every change.
      if (!decoded.ok) continue
      const person = decoded.value
      const entry = { clientId, userId: createUserId(person.id), person, isSelf: clientId === awareness.clientID }
      if (entry.isSelf) list.unshift(entry)
      else list.push(entry)
    }
    people.set(list)
  }

  const onAwarenessChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = removed.map(presenceIdOf)
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const presence = validPresence(clientId, awareness.getStates().get(clientId)?.presence)
      if (presence) toPut.push(presence)
      else toRemove.push(presenceIdOf(clientId))
    }
    const present = toRemove.filter((id) => store.has(id))
    if (toPut.length > 0 || present.length > 0) {
      store.mergeRemoteChanges(() => {
        if (present.length > 0) store.remove(present)
        if (toPut.length > 0) store.put(toPut)
      })
    }
    refreshPeople()
  }

  awareness.on('change', onAwarenessChange)
  onAwarenessChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return {
    people,
    dispose: () => {
      awareness.off('change', onAwarenessChange)
      stopPublishingPerson()
      stopPublishingPresence()
      if (publishTimer) clearTimeout(publishTimer)
      awareness.setLocalStateField('presence', null)
      const drawn = store.query.ids('instance_presence').get()
      if (drawn.size > 0) store.mergeRemoteChanges(() => store.remove([...drawn]))
    },
  }
}
