import type { AccessRole, PersonRole } from '../../../shared/src/roles'

// The storage interface: everything the server keeps. An engine is one file implementing it
// (sqlite.ts, postgres.ts); openStorage.ts picks one from the settings. Methods return
// promises so engines that talk to a network fit too.

export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: number
  /** Bumped to rotate a board's secrets; secrets are derived from it, never stored. */
  secretGeneration: number
}

/**
 * A board's document as stored: an optional merged snapshot plus the updates appended after it.
 * Every board has an update log numbered 1, 2, 3… without gaps; `seq` is the position this state
 * reaches: it holds every update numbered up to `seq` (some later ones may be in the snapshot too).
 */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  seq: number
}

export interface StoredAsset {
  boardId: string
  contentType: string
  data: Uint8Array
}

/** Someone who joined a board (POST /api/boards/:id/people): the server stamps presence and attribution from it. */
export interface JoinedPerson {
  boardId: string
  id: string
  name: string
  role: PersonRole
  /** The access role of the link they joined with. */
  accessRole: AccessRole
  joinedAt: number
}

export const OTHER_SERVER_KEY =
  'the boards were set up with another server key: give every instance the same server.key (DATA_DIR/server.key)'

/** `exclusively` waited its bound for another process's turn on the board, and gave up. */
export class ExclusiveBusy extends Error {
  constructor() {
    super("another server is revealing this board's drafts: try again")
  }
}

/** Work that needed the board as storage holds it could not read it, and changed nothing: try again. */
export class StorageUnreadable extends Error {}

export interface BoardStorage {
  /** Creates a board with its seeded document as the first snapshot (at seq 0), in one transaction. */
  createBoard(board: BoardRecord, initialSnapshot: Uint8Array): Promise<void>
  /** A board; never a draft document (those are reached only through `openDraft`). */
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** Bumps the board's secret generation, which replaces its shared links; returns the new one. */
  rotateSecrets(id: string): Promise<number>
  /**
   * The whole stored document; with `afterSeq`, only what a reader holding every update up to
   * `afterSeq` is missing: the updates after it, and the snapshot only when a compaction has
   * folded some of those into it. Snapshot, updates and `seq` are read as one consistent state.
   */
  loadDocument(boardId: string, afterSeq?: number): Promise<StoredDocument>
  /**
   * Appends updates in order, in one transaction: all of them are stored or none. Returns the
   * seq of the last one (the batch is numbered last − n + 1 … last). Several processes may
   * append to one board at once: each batch gets its own numbers, in commit order.
   */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<number>
  /**
   * Replaces the snapshot with `snapshot` and deletes the updates numbered up to `throughSeq`,
   * atomically; later updates (another process may be appending) stay. The caller guarantees
   * `snapshot` contains every update up to `throughSeq`. Returns false and changes nothing when
   * the stored snapshot already reaches `throughSeq` or another process is compacting the board.
   */
  compact(boardId: string, snapshot: Uint8Array, throughSeq: number): Promise<boolean>
  /**
   * Which person first wrote with each Yjs client id on the board (client id → person id); with
   * `clientIds`, only those ids' owners (reads just their rows).
   */
  loadClientOwners(boardId: string, clientIds?: readonly number[]): Promise<Map<number, string>>
  /**
   * Makes `personId` the owner of those client ids; an id that already has an owner keeps it.
   * Returns who owns each of them after the claim: of several processes claiming one id at the
   * same instant, every one of them is told the same winner.
   */
  claimClientIds(boardId: string, personId: string, clientIds: readonly number[]): Promise<Map<number, string>>
  /**
   * Runs `work` while no other process runs `exclusively` for the same board, and returns its
   * result: two instances revealing one board's drafts at once would both place the cards.
   * SQLite serves one process, whose callers queue for themselves, so it just runs `work`.
   * Rejects with ExclusiveBusy when another process keeps the board past a bound, and rejects
   * (after `work`) when the engine lost the lock while `work` ran.
   */
  exclusively<T>(boardId: string, work: () => Promise<T>): Promise<T>
  putAsset(assetId: string, asset: StoredAsset): Promise<void>
  getAsset(assetId: string): Promise<StoredAsset | undefined>
  /** The bytes of every image stored for the board, for its total-size limit. */
  boardAssetBytes(boardId: string): Promise<number>
  /**
   * Makes a person's private draft document on the board if it is not there yet, and returns its
   * name (draftDocName): from then on it is loaded, appended to and compacted like a board.
   */
  openDraft(boardId: string, personId: string): Promise<string>
  /** The people who have a draft document on the board (whether they are connected or not), in no set order. */
  listDrafts(boardId: string): Promise<string[]>
  addPerson(person: JoinedPerson): Promise<void>
  getPerson(boardId: string, personId: string): Promise<JoinedPerson | undefined>
  /**
   * Records the fingerprint of the server key the first time; throws when the data was set up
   * with another key (an instance started without the others' server.key: its links would not match).
   */
  adoptServerKey(fingerprint: string): Promise<void>
  /** Throws when the engine cannot read and write; used by /readyz. */
  check(): Promise<void>
  close(): Promise<void>
}
