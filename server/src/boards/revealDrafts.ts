import { createShapeId } from '@tldraw/tlschema'
import { readRecords, replaceRecords } from '../../../shared/src/doc/recordsRoot'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { draftDocName } from '../../../shared/src/levels/draftDoc'
import { planReveal } from '../../../shared/src/levels/revealDrafts'
import { readSessionValue, writeSessionValue } from '../../../shared/src/session/sessionState'
import type { RevealedDrafts } from '../../../shared/src/wire/api'
import type { Room } from '../relay/room'
import type { RoomRegistry } from '../relay/rooms'
import { StorageUnreadable, type BoardStorage } from '../storage/storage'

// The facilitator's reveal (POST REVEAL_DRAFTS_PATH): every person's draft, connected or long
// gone, is read through its room (loaded from storage when nobody holds it), its cards are placed
// into the board (planReveal) and the round is closed, as the server's own edit of the board's
// room: stored, then relayed to everyone. Only once that is stored are the drafts emptied, so a
// crash in between leaves a card in both places, never in neither.

export class DraftReveals {
  /**
   * The reveal running on each board: a second one waits for it, then finds the drafts empty.
   * Across instances, storage runs one board's reveals one at a time (`exclusively`).
   */
  private readonly running = new Map<string, Promise<RevealedDrafts>>()

  constructor(
    private readonly storage: BoardStorage,
    private readonly registry: RoomRegistry,
  ) {}

  reveal(boardId: string): Promise<RevealedDrafts> {
    const previous = this.running.get(boardId) ?? Promise.resolve(null)
    const next = previous
      .catch(() => null)
      .then(() => this.storage.exclusively(boardId, () => this.revealNow(boardId)))
    this.running.set(boardId, next)
    void next.finally(() => {
      if (this.running.get(boardId) === next) this.running.delete(boardId)
    }).catch(() => undefined)
    return next
  }

  private async revealNow(boardId: string): Promise<RevealedDrafts> {
    const people = await this.storage.listDrafts(boardId)
    const names = [boardId, ...people.map((personId) => draftDocName(boardId, personId))]
    // Each hold is counted at once, so every one is released whatever happens below.
    const holds = names.map((name) => this.registry.hold(name))
    try {
      const rooms = await Promise.all(holds)
      // Another instance's reveal, stored before this one began, may not have reached these rooms
      // yet; moving drafts a room behind it still holds would place their cards twice.
      await Promise.all(rooms.map((room) => room.catchUpNow())).catch((error: Error) => {
        throw new StorageUnreadable(`the board could not be read from storage, so no draft was moved: try again (${error.message})`)
      })
      const [board, ...drafts] = rooms
      return await this.move(board, people, drafts)
    } finally {
      for (const name of names) this.registry.release(name)
    }
  }

  private async move(board: Room, people: readonly string[], drafts: readonly Room[]): Promise<RevealedDrafts> {
    const round = readSessionValue(board.doc.getMap<unknown>(SESSION_ROOT).toJSON(), 'drafting')
    const plan = planReveal({
      board: readRecords(board.doc),
      drafts: drafts.map((room, i) => ({ personId: people[i], records: readRecords(room.doc) })),
      roundId: round.roundId,
      newId: () => createShapeId(),
    })
    if (plan.records.length > 0 || round.status === 'open') {
      await board.writeAsServer((doc) => {
        replaceRecords(doc, plan.records as { id: string }[])
        // roundId and anonymous stay: the facilitator shows the authors later by turning anonymous off.
        if (round.status === 'open') writeSessionValue(doc.getMap(SESSION_ROOT), 'drafting', { ...round, status: 'closed' })
      })
    }
    await Promise.all(
      drafts.map((room, i) => {
        const taken = plan.taken.get(people[i]) ?? []
        return taken.length > 0 ? room.writeAsServer((doc) => replaceRecords(doc, [], taken)) : undefined
      }),
    )
    return { cards: plan.cards, people: plan.people }
  }
}
