import * as Y from 'yjs'
import { SESSION_ROOT } from '../../../shared/src/doc/roots'
import { SESSION_KEYS } from '../../../shared/src/session/sessionKeys'
import { writeIdea } from '../../support/ideaCards'
import { connectBenchClient, startWithWriter } from './client'
import { RELAYS, directoryBytes, startRelay, type RelayName } from './servers'
import { printFigure } from './stats'

// Stored bytes: a board of about 65 KB, then 10,000 small edits; every file in the relay's data
// folder, while the board is open (3 s after the last edit) and after a restart, divided by the
// live state (the document encoded as one update).

const EDITS = 10_000
const SETTLE_MS = 3000
const ARRIVAL_TIMEOUT_MS = 60_000
const LAST_CRITERION = `Criterion ${EDITS}`
const lastCriterion = (doc: Y.Doc) => doc.getMap<string[]>(SESSION_ROOT).get(SESSION_KEYS.criteria)?.[0]

async function measure(name: RelayName): Promise<{ open: number; restarted: number }> {
  const { relay, doc, writer, writerDoc } = await startWithWriter(name)
  // 64 idea cards of 1,000 characters, then small edits: the facilitator renaming an evaluation
  // criterion (each session key takes only its own values on Tavolo).
  for (let i = 0; i < 64; i++) writeIdea(writerDoc, doc.writerPersonId, `note${i}`, `${String(i).padStart(4, '0')} `.repeat(200))
  const map = writerDoc.getMap(SESSION_ROOT)
  for (let i = 1; i <= EDITS; i++) {
    map.set(SESSION_KEYS.criteria, [`Criterion ${i}`])
    if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  }
  const reader = connectBenchClient(relay.documentUrl(doc), relay.prefix(doc))
  await reader.synced
  const deadline = Date.now() + ARRIVAL_TIMEOUT_MS
  while (lastCriterion(reader.doc) !== LAST_CRITERION && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  if (lastCriterion(reader.doc) !== LAST_CRITERION) console.log(`  (${name}: the last edit never arrived; the figure is not valid)`)
  const live = Y.encodeStateAsUpdate(writerDoc).byteLength
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const open = directoryBytes(relay.dataDir) / live
  writer.close()
  reader.close()
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  await relay.stop()
  const again = await startRelay(name, { dataDir: relay.dataDir, probe: name === 'Tavolo' ? doc : undefined })
  const restarted = directoryBytes(relay.dataDir) / live
  await again.stop()
  return { open, restarted }
}

export async function storedBytesFigure(): Promise<void> {
  const open: Record<string, number> = {}
  const restarted: Record<string, number> = {}
  for (const name of RELAYS) ({ open: open[name], restarted: restarted[name] } = await measure(name))
  printFigure(`Stored bytes after ${EDITS} small edits to a 65 KB board, open, as a multiple of the live state`, '×', open)
  printFigure('Stored bytes after a restart, as a multiple of the live state', '×', restarted)
}
