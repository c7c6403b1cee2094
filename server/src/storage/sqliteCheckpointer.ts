import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// A checkpoint copies the WAL into the database file and flushes both to disk: milliseconds the
// relay must not wait for. It runs here, on a second connection to the same file in a worker
// thread. A PASSIVE checkpoint never blocks the main connection's writes; once it has copied
// everything, the main connection's next commit starts the WAL over and cuts the file back
// (`journal_size_limit = 0`), so the WAL stays about as small as what is written between two
// checkpoints. Plain JavaScript evaluated in the worker, so it runs the same from source and
// from the bundle.
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
  Atomics.store(workerData.busy, 0, 1)
  try {
    db.pragma('wal_checkpoint(' + mode + ')')
  } catch (caught) {
    error = caught.message
  } finally {
    Atomics.store(workerData.busy, 0, 0)
    Atomics.notify(workerData.busy, 0)
  }
  parentPort.postMessage(error)
})
`

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE'

export interface SqliteCheckpointer {
  /** Asks for a checkpoint; while one runs, at most one more is queued (the latest mode asked). */
  request(mode: CheckpointMode): void
  /** Blocks until the worker's checkpoint (if one is running) is done: SQLite runs one at a time. */
  waitUntilIdle(): void
  close(): Promise<void>
}

// Longer than any checkpoint; past it the caller's own checkpoint just reports busy.
const WAIT_FOR_CHECKPOINT_MS = 2000

/** Starts the worker on the first request, so a server that writes nothing never pays for it. */
export function sqliteCheckpointer(file: string, onError: (message: string) => void): SqliteCheckpointer {
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
    started.on('message', (error: string | null) => {
      running = false
      if (error) onError(`checkpoint failed: ${error}`)
      if (queued) send(queued)
    })
    started.on('error', (error) => onError(`checkpoint worker failed: ${error.message}`))
    exited = new Promise((resolve) => started.once('exit', () => resolve()))
    return started
  }
  const send = (mode: CheckpointMode) => {
    queued = null
    running = true
    ;(worker ??= start()).postMessage(mode)
  }

  return {
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
      worker.postMessage('close')
      await exited
      worker = null
    },
  }
}
