import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// A checkpoint copies the WAL into the database file and flushes both to disk: 2–40 ms on this
// kind of disk, during which the event loop could not relay (a tail of the fan-out latency).
// Checkpoints run here instead, on a second connection to the same file in a worker thread. A
// PASSIVE checkpoint never blocks the main connection's writes. Once one has copied everything
// (only if no commit came while it copied: a frame it did not copy keeps the WAL growing until a
// later checkpoint finishes between two commits), the main connection's next commit starts the WAL
// over and cuts the file back (`journal_size_limit = 0`); `onCopiedAll` lets it make that commit
// at once rather than in the next batch it relays. TRUNCATE copies first (PASSIVE) and only then
// takes the write lock to empty the WAL, so the lock is held for a file truncation, not a disk
// flush. Plain JavaScript evaluated in the worker, so it runs the same from source and from the bundle.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('synchronous = NORMAL')
parentPort.on('message', (mode) => {
  if (mode === 'close') {
    db.close()
    return parentPort.close()
  }
  let error = null
  let copiedAll = false
  Atomics.store(workerData.busy, 0, 1)
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)')
    copiedAll = passive.checkpointed === passive.log
    if (mode === 'TRUNCATE') db.pragma('wal_checkpoint(TRUNCATE)')
  } catch (caught) {
    error = caught.message
  } finally {
    Atomics.store(workerData.busy, 0, 0)
    Atomics.notify(workerData.busy, 0)
  }
  // After TRUNCATE (a quiet moment) the WAL is left empty, with no bytes on disk.
  parentPort.postMessage({ error, copiedAll: copiedAll && mode === 'PASSIVE' })
})
`

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE'

export interface SqliteCheckpointer {
  /** Whether the worker runs (it starts on the first request and costs about 9 MB). */
  readonly started: boolean
  /** Asks for a checkpoint; while one runs, at most one more is queued (TRUNCATE if either asked it). */
  request(mode: CheckpointMode): void
  /** Blocks until the worker's checkpoint (if one is running) is done: SQLite runs one at a time. */
  waitUntilIdle(): void
  close(): Promise<void>
}

// Longer than any checkpoint; past it the caller's own checkpoint just reports busy.
const WAIT_FOR_CHECKPOINT_MS = 2000

/** Starts the worker on the first request, so a server that writes nothing never pays for it. */
export function sqliteCheckpointer(file: string, onError: (message: string) => void, onCopiedAll: () => void): SqliteCheckpointer {
  let worker: Worker | null = null
  let running = false
  let queued: CheckpointMode | null = null
  let exited: Promise<void> = Promise.resolve()
  // 1 while the worker runs a checkpoint, shared with it.
  const busy = new Int32Array(new SharedArrayBuffer(4))

  const start = (): Worker => {
    const started = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, busy, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
    })
    // A running checkpoint never keeps the process alive; close() ends it in order.
    started.unref()
    started.on('message', ({ error, copiedAll }: { error: string | null; copiedAll: boolean }) => {
      running = false
      // A checkpoint that fails leaves the WAL as it is: nothing is lost, the next one retries.
      if (error) onError(`checkpoint failed: ${error}`)
      // Before the next checkpoint starts: a TRUNCATE would take the write lock this commit needs.
      if (copiedAll) onCopiedAll()
      if (queued) send(queued)
    })
    // The next request starts a new worker.
    started.on('error', (error) => {
      onError(`checkpoint worker failed: ${error.message}`)
      running = false
      worker = null
    })
    exited = new Promise((resolve) => started.once('exit', () => resolve()))
    return started
  }
  const send = (mode: CheckpointMode) => {
    queued = null
    running = true
    ;(worker ??= start()).postMessage(mode)
  }

  return {
    get started() {
      return worker !== null
    },
    request(mode) {
      if (running) queued = queued === 'TRUNCATE' ? queued : mode
      else send(mode)
    },
    waitUntilIdle() {
      Atomics.wait(busy, 0, 1, WAIT_FOR_CHECKPOINT_MS)
    },
    async close() {
      queued = null
      if (!worker) return
      // Held until it has exited: with nothing else left (a server shutting down), an unref'd
      // worker would let the process end before the main connection closes.
      worker.ref()
      worker.postMessage('close')
      await exited
      worker = null
    },
  }
}
