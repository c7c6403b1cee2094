import { ensureClientBuilt } from '../../../server/src/clientBuild'
import { findChromium } from './chromium'

// Runs once before the e2e files: fail loudly (never skip) when there is no Chromium, and build
// the client the server will serve when the build is missing or older than its sources.
export default function setup(): void {
  findChromium()
  ensureClientBuilt()
}
