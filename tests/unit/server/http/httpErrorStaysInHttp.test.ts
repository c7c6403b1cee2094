import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// HttpError is how http/ answers; the modules it calls throw their own errors and http/ maps them
// (docs/architecture.md, HTTP), so a status is chosen in one place per route.
const SERVER_SRC = join(import.meta.dirname, '../../../../server/src')
const ALLOWED = [/^http\//, /^app\.ts$/]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

describe('HttpError', () => {
  it('is imported only by http/ and app.ts', () => {
    const importers = sources(SERVER_SRC)
      .filter((path) => /from '(\.\.?\/)+(http\/)?respond'/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SERVER_SRC, path))
    expect(importers.length).toBeGreaterThan(0)
    expect(importers.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)))).toEqual([])
  })
})
