import type { BoardStorage } from '../storage/storage'
import { Room, type RoomOptions } from './room'

interface RoomEntry {
  /** Connections holding the room, counted from before it has finished loading. */
  holders: number
  room: Promise<Room>
}

/**
 * The rooms in memory. A room is loaded by its first connection (later ones wait for the same
 * load), and unloaded once its last connection has left and its state is stored.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, RoomEntry>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(
    private readonly storage: BoardStorage,
    private readonly options: RoomOptions,
  ) {}

  /** Rooms loaded or loading, for health checks and leak tests. */
  get loadedCount(): number {
    return this.entries.size + this.unloading.size
  }

  /**
   * Takes a hold on a board's room. The hold is counted synchronously, so it can be released
   * with `release` even if loading fails; a failed load still needs its release.
   */
  hold(boardId: string): Promise<Room> {
    let entry = this.entries.get(boardId)
    if (!entry) {
      entry = { holders: 0, room: this.load(boardId) }
      this.entries.set(boardId, entry)
    }
    entry.holders++
    return entry.room
  }

  release(boardId: string): void {
    const entry = this.entries.get(boardId)
    if (!entry) return
    entry.holders--
    if (entry.holders > 0) return
    this.entries.delete(boardId)
    const done = entry.room
      // A room that failed to load has nothing to unload; its error was reported to its holders.
      .then((room) => room.unload(), () => undefined)
      .catch((error) => this.options.logger.error(`board ${boardId}: unload failed: ${(error as Error).message}`))
      .finally(() => this.unloading.delete(boardId))
    this.unloading.set(boardId, done)
  }

  /** Resolves once every room released so far has been stored and freed. */
  async whenUnloaded(): Promise<void> {
    while (this.unloading.size > 0) await Promise.all(this.unloading.values())
  }

  private async load(boardId: string): Promise<Room> {
    // A board being unloaded is stored first, so the new room starts from the stored state.
    await this.unloading.get(boardId)
    return Room.load(boardId, this.storage, this.options)
  }
}
