import fs from 'node:fs'
import path from 'node:path'
import { createHmac, randomBytes } from 'node:crypto'

export const SERVER_KEY_FILE_NAME = 'server.key'
const KEY_BYTES = 32

/**
 * The key every board secret is derived from. Kept beside the database but in its own file
 * (mode 0600), so a copy of the database alone grants no access. Created on first start.
 */
export function loadOrCreateServerKey(dataDir: string): Buffer {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, SERVER_KEY_FILE_NAME)
  if (!fs.existsSync(file)) {
    // Written whole under a name of its own, then linked into place: the link fails if the key
    // exists, so two processes starting at once never overwrite one, nor read one half written.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== KEY_BYTES) throw new Error(`Server key ${file} is damaged: expected ${KEY_BYTES} bytes`)
  return key
}

/** Names the key without revealing it: storage keeps this to notice an instance with another key. */
export function serverKeyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('tavolo server key fingerprint').digest('base64url')
}
