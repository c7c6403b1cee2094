import type { AccessRole } from '../../../shared/src/roles'
import type { BoardChange } from '../../../shared/src/rules/boardChange'
import type { Writer } from '../../../shared/src/rules/writer'
import type { AwarenessEntry } from './awarenessUpdate'
import { ProtocolError } from './protocol'
import type { Room, RoomPeer } from './room'

// The relay's rules are small named parts called at fixed points, like Hocuspocus's hooks; each
// lives in its own module under rules/ and refuses by throwing a ProtocolError (code and reason
// for the connection's close). Nothing a refused message carries is applied, stored or relayed.

/** The person a connection's token names: who writes, and the name they joined with. */
export interface Person extends Writer {
  name: string
}

/** A connection as the rules see it: who is on the other end, from the link and the person token. */
export interface RelayPeer extends RoomPeer {
  readonly boardId: string
  readonly role: AccessRole
  /** Null for a connection without a person token: it may read, never write. */
  readonly writer: Person | null
}

export interface UpdateContext {
  room: Room
  peer: RelayPeer
  update: Uint8Array
  /** What the update changes, per root and key (shared/src/rules/boardChange.ts). */
  change: BoardChange
  /** Client ids of the structs it adds. */
  clients: ReadonlySet<number>
}

export interface AwarenessContext {
  room: Room
  peer: RelayPeer
  /** The states the peer sends; rules may rewrite `json` before the room applies them. */
  entries: AwarenessEntry[]
}

export interface RelayRule {
  readonly name: string
  /** Every message as it arrives, before it is queued or decoded. */
  beforeHandleMessage?(peer: RelayPeer, byteLength: number): void
  /** A document update (or sync step 2), before it is applied, stored and relayed. */
  beforeHandleUpdate?(context: UpdateContext): void
  /** A presence update, before the room applies and forwards it; may wait for storage (client id claims). */
  beforeHandleAwareness?(context: AwarenessContext): void | Promise<void>
}

/** A message a rule refused; `rule` names the rule in the server's log. */
export class Refused extends ProtocolError {
  constructor(
    readonly rule: string,
    message: string,
    closeCode: number,
  ) {
    super(message, closeCode)
  }
}
