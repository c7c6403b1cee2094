import type { AccessRole } from '../../../shared/src/roles'

// Fan-out between instances: what one instance stores or hears, the others holding the same
// board relay to their own peers. One instance alone (no REDIS_URL) uses localFanout.

/** What fan-out needs from a loaded room. */
export interface FannedRoom {
  readonly boardId: string
  /** An update another instance stored as `from` … `to` of the board's log. */
  applyStored(update: Uint8Array, from: number, to: number): void
  /** Presence from another instance's peers (never stored). */
  applyRemoteAwareness(update: Uint8Array): void
  /** Reads what the room may have missed from storage (after a lost message or reconnection). */
  catchUp(): Promise<void>
}

/** What a room tells fan-out; given to the room when it loads. */
export interface BoardLink {
  stored(update: Uint8Array, from: number, to: number): void
  awarenessChanged(update: Uint8Array): void
  /** Stops hearing about the board; the room is unloading. */
  leave(): Promise<void>
}

/** Closes a board's connections holding one of `roles` (a rotation, for instance). */
export interface DisconnectCommand {
  boardId: string
  roles: AccessRole[]
  code: number
  reason: string
}

export interface Fanout {
  /** Starts relaying the room's board between instances; null when there are no others. */
  join(room: FannedRoom): BoardLink | null
  /** Runs the command on every instance, this one included. */
  disconnect(command: DisconnectCommand): Promise<void>
  /** Throws when the channel to the other instances (Redis) is not reachable; GET /readyz calls it. */
  check?(): Promise<void>
  close(): Promise<void>
}

/** One instance: nothing to tell anyone; commands run here. */
export function localFanout(onDisconnect: (command: DisconnectCommand) => void): Fanout {
  return {
    join: () => null,
    disconnect: async (command) => onDisconnect(command),
    close: async () => undefined,
  }
}
