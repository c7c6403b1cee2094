// `npm run bench` (first part): Tavolo's relay beside y-websocket 1.5.4 + y-leveldb and
// Hocuspocus 2.15.3 + SQLite, started here from node_modules, as ratios to the best peer.
// One file per figure; BENCH_RELAY_FIGURES=start,fanout,… runs some of them, and
// BENCH_FANOUT_RECEIVERS=100 (for example) one fan-out size.
import { ensureServerBuilt } from '../../../server/scripts/serverBuild.mjs'
import { coldLoadFigure } from './coldLoad'
import { fairnessFigure } from './fairness'
import { fanoutFigure } from './fanout'
import { presenceFigure } from './presence'
import { startupFigure } from './startup'
import { storedBytesFigure } from './storedBytes'

const FIGURES: Record<string, () => Promise<void>> = {
  start: startupFigure,
  fanout: () => fanoutFigure(process.env.BENCH_FANOUT_RECEIVERS?.split(',').map(Number)),
  coldload: coldLoadFigure,
  stored: storedBytesFigure,
  fairness: fairnessFigure,
  presence: presenceFigure,
}

await ensureServerBuilt()
const chosen = process.env.BENCH_RELAY_FIGURES?.split(',') ?? Object.keys(FIGURES)
for (const name of chosen) {
  const figure = FIGURES[name]
  if (!figure) throw new Error(`no relay figure ${name}: one of ${Object.keys(FIGURES).join(', ')}`)
  await figure()
}
