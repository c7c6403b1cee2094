import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { startRelay, writerUrl, type RelayName } from './servers'

// A minimal Yjs sync client over a raw `ws` socket, the same for the three relays (only the
// per-message prefix differs): light enough that 200 of them in the bench process measure the
// relay, not the client.

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const STEP_1 = 0
const STEP_2 = 1
const UPDATE = 2

export interface BenchClient {
  ws: WebSocket
  doc: Y.Doc
  /** Resolves when the relay's answer to our state vector has been applied. */
  synced: Promise<void>
  sendUpdate(update: Uint8Array): void
  /** Sends a y-protocols awareness update (presence). */
  sendAwareness(update: Uint8Array): void
  close(): void
}

export function connectBenchClient(
  url: string,
  prefix: Uint8Array,
  opts: { doc?: Y.Doc; onUpdate?: (update: Uint8Array) => void; onAwareness?: () => void; applyUpdates?: boolean } = {},
): BenchClient {
  const doc = opts.doc ?? new Y.Doc()
  const ws = new WebSocket(url, { perMessageDeflate: false })
  ws.binaryType = 'nodebuffer'
  const frame = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder()
    encoding.writeUint8Array(encoder, prefix)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  const sync = (step: number, payload: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC)
      encoding.writeVarUint(e, step)
      encoding.writeVarUint8Array(e, payload)
    })
  let markSynced: () => void
  const synced = new Promise<void>((resolve) => (markSynced = resolve))
  ws.on('open', () => ws.send(sync(STEP_1, Y.encodeStateVector(doc))))
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (prefix.length > 0) decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AWARENESS) opts.onAwareness?.()
    if (type !== MESSAGE_SYNC) return
    const step = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (step === STEP_1) ws.send(sync(STEP_2, Y.encodeStateAsUpdate(doc, payload)))
    else if (step === STEP_2) {
      Y.applyUpdate(doc, payload)
      markSynced()
    } else if (step === UPDATE) {
      opts.onUpdate?.(payload)
      if (opts.applyUpdates !== false) Y.applyUpdate(doc, payload)
    }
  })
  return {
    ws,
    doc,
    synced,
    sendUpdate: (update) => ws.send(sync(UPDATE, update)),
    sendAwareness: (update) =>
      ws.send(
        frame((e) => {
          encoding.writeVarUint(e, MESSAGE_AWARENESS)
          encoding.writeVarUint8Array(e, update)
        }),
      ),
    close: () => ws.terminate(),
  }
}

export const opened = (client: BenchClient): Promise<void> =>
  new Promise((resolve, reject) => {
    if (client.ws.readyState === WebSocket.OPEN) return resolve()
    client.ws.once('open', () => resolve())
    client.ws.once('error', reject)
  })

/** A relay started with a new document and a synced writer whose every local change is sent. */
export async function startWithWriter(name: RelayName) {
  const relay = await startRelay(name)
  const doc = await relay.newDocument()
  const writerDoc = new Y.Doc()
  const writer = connectBenchClient(writerUrl(relay, doc), relay.prefix(doc), { doc: writerDoc })
  await opened(writer)
  await writer.synced
  writerDoc.on('update', (update: Uint8Array) => writer.sendUpdate(update))
  return { relay, doc, writer, writerDoc }
}
