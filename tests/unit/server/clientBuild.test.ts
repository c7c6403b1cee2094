import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clientBuildIsStale } from '../../../server/src/clientBuild'
import { makeTempDataDir } from '../../support/server'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true })
})

function write(root: string, file: string, mtimeSeconds: number): void {
  const full = path.join(root, file)
  fs.mkdirSync(path.dirname(full), { recursive: true })
  fs.writeFileSync(full, '')
  fs.utimesSync(full, mtimeSeconds, mtimeSeconds)
}

function fakeRepo(): string {
  const root = makeTempDataDir()
  roots.push(root)
  write(root, 'client/src/main.tsx', 1000)
  write(root, 'client/index.html', 1000)
  write(root, 'shared/src/summary.ts', 1000)
  for (const dir of ['client/src', 'client', 'shared/src']) fs.utimesSync(path.join(root, dir), 1000, 1000)
  return root
}

describe('client build staleness', () => {
  it('is stale when client/dist is missing', () => {
    expect(clientBuildIsStale(fakeRepo())).toBe(true)
  })

  it('is fresh when the build is newer than every source', () => {
    const root = fakeRepo()
    write(root, 'client/dist/index.html', 2000)
    expect(clientBuildIsStale(root)).toBe(false)
  })

  it('is stale when any client or shared source is newer than the build', () => {
    const root = fakeRepo()
    write(root, 'client/dist/index.html', 2000)
    write(root, 'shared/src/deep/new.ts', 3000)
    expect(clientBuildIsStale(root)).toBe(true)
  })
})
