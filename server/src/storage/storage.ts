// The storage interface: everything the server keeps. A second engine (Redis, Postgres…) is one
// new file implementing it. Methods return promises so engines that talk to a network fit too.

export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: number
  /** Bumped to rotate a board's secrets; secrets are derived from it, never stored. */
  secretGeneration: number
}

/** A board's document as stored: an optional merged snapshot plus the updates appended after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
}

export interface StoredAsset {
  boardId: string
  contentType: string
  data: Uint8Array
}

export interface BoardStorage {
  /** Creates a board with its seeded document as the first snapshot, in one transaction. */
  createBoard(board: BoardRecord, initialSnapshot: Uint8Array): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** Bumps the board's secret generation, which replaces its shared links; returns the new one. */
  rotateSecrets(id: string): Promise<number>
  loadDocument(boardId: string): Promise<StoredDocument>
  /** Appends updates in order, in one transaction: all of them are stored or none. */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void>
  /**
   * Replaces the snapshot and every stored update with `snapshot`, atomically. The caller
   * guarantees `snapshot` contains every update stored so far for this board.
   */
  compact(boardId: string, snapshot: Uint8Array): Promise<void>
  /** Which person first wrote with each Yjs client id on the board (client id → person id). */
  loadClientOwners(boardId: string): Promise<Map<number, string>>
  /** Makes `personId` the owner of those client ids; an id that already has an owner keeps it. */
  claimClientIds(boardId: string, personId: string, clientIds: readonly number[]): Promise<void>
  putAsset(assetId: string, asset: StoredAsset): Promise<void>
  getAsset(assetId: string): Promise<StoredAsset | undefined>
  /** Throws when the engine cannot read and write; used by /healthz. */
  check(): Promise<void>
  close(): Promise<void>
}
