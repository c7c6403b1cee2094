import { isObject } from '../../board/shapeLike'

// Versions of the board file's own layout (kind, fields, their shapes), separate from the tldraw
// records' schema, which migrateRecords.ts migrates. A file from an older version is
// upgraded one step at a time; each step turns a version-N file into a version-N+1 file.

export const BOARD_FILE_VERSION = 1

type FileUpgrade = (file: Record<string, unknown>) => Record<string, unknown>

const UPGRADES: Record<number, FileUpgrade> = {
  // Version 0, the draft layout, kept `records` as an object keyed by record id.
  0: (file) => ({ ...file, formatVersion: 1, records: isObject(file.records) ? Object.values(file.records) : file.records }),
}

export function upgradeBoardFile(
  file: Record<string, unknown>,
  version: number,
): { ok: true; file: Record<string, unknown> } | { ok: false; error: string } {
  let current = file
  for (let v = version; v < BOARD_FILE_VERSION; v++) {
    const upgrade = UPGRADES[v]
    if (!upgrade) return { ok: false, error: `Board files of format version ${version} can no longer be imported.` }
    current = upgrade(current)
  }
  return { ok: true, file: current }
}
