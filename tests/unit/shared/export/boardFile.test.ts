import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { describe, expect, it } from 'vitest'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { recordsArray } from '../../../../shared/src/doc/recordsRoot'
import { DOC_FORMAT_VERSION, SESSION_ROOT } from '../../../../shared/src/doc/roots'
import type { BoardFile } from '../../../../shared/src/export/boardFile/format'
import { MAX_NESTING_DEPTH } from '../../../../shared/src/wire/fieldPaths'
import { parseBoardFile } from '../../../../shared/src/export/boardFile/parser'
import { BOARD_FILE_VERSION } from '../../../../shared/src/export/boardFile/upgrades'
import { boardFileToDoc, serializeBoardFile, toBoardFile } from '../../../../shared/src/export/boardFile/writer'
import { cardsCsv } from '../../../../shared/src/export/cardsCsv'
import { programmeMarkdown } from '../../../../shared/src/export/programmeMarkdown'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { DEFAULT_SESSION, sessionWriteProblem } from '../../../../shared/src/session/sessionState'
import { workshopDoc } from './fixture'

const exportedAt = new Date(Date.UTC(2026, 10, 28, 12, 0))
const maxBytes = 1024 * 1024

function exportedFile(): BoardFile {
  return toBoardFile(readBoardDoc(workshopDoc()), { exportedAt })
}

/** The file as JSON with some change made to it, as a hand-edited or foreign file would be. */
function edited(change: (json: Record<string, any>) => void, file = exportedFile()): string {
  const json = JSON.parse(serializeBoardFile(file))
  change(json)
  return JSON.stringify(json)
}

function parseError(text: string, limit = maxBytes): string {
  const result = parseBoardFile(text, { maxBytes: limit })
  if (result.ok) throw new Error('expected the file to be refused')
  return result.error
}

function parsed(text: string): BoardFile {
  const result = parseBoardFile(text, { maxBytes })
  if (!result.ok) throw new Error(result.error)
  return result.file
}

describe('board file round trip', () => {
  it('exports, imports into a new doc and exports again the same document', () => {
    const original = workshopDoc()
    const text = serializeBoardFile(toBoardFile(readBoardDoc(original), { exportedAt }))
    const restored = new Y.Doc()
    boardFileToDoc(parsed(text), restored)

    expect(readBoardDoc(restored)).toEqual(readBoardDoc(original))
    expect(serializeBoardFile(toBoardFile(readBoardDoc(restored), { exportedAt }))).toBe(text)
    const date = new Date(exportedAt)
    expect(programmeMarkdown(readBoardDoc(restored), { date })).toBe(programmeMarkdown(readBoardDoc(original), { date }))
    expect(cardsCsv(readBoardDoc(restored))).toBe(cardsCsv(readBoardDoc(original)))
  })

  it('writes the document format: records in YKeyValue entries, meta with format and current schema', () => {
    const restored = new Y.Doc()
    boardFileToDoc(parsed(serializeBoardFile(exportedFile())), restored)
    const records = new YKeyValue<{ props: { title: string } }>(recordsArray(restored) as Y.Array<{ key: string; val: { props: { title: string } } }>)
    expect(records.get('shape:c1')?.props.title).toBe('Public value')
    const meta = readBoardDoc(restored).meta
    expect(meta).toMatchObject({ format: DOC_FORMAT_VERSION, title: exportedFile().title, template: 'msc-public-services' })
    expect(meta.schema).toEqual(createTavoloSchema().serialize())
  })

  it('opens an imported board with its timer ready to start again, not run out at 0:00', () => {
    const running = edited((json) => {
      json.session.timer = { status: 'running', durationMs: 600_000, endsAt: 1_000 }
    })
    const restored = new Y.Doc()
    boardFileToDoc(parsed(running), restored)
    expect(readBoardDoc(restored).session.timer).toEqual({ status: 'idle', durationMs: 600_000 })
  })

  it('survives a sync to another doc through Yjs updates', () => {
    const restored = new Y.Doc()
    boardFileToDoc(parsed(serializeBoardFile(exportedFile())), restored)
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(restored))
    expect(readBoardDoc(peer)).toEqual(readBoardDoc(restored))
  })

  it('refuses to write into a doc that already has records', () => {
    expect(() => boardFileToDoc(exportedFile(), workshopDoc())).toThrow(/already has records/)
  })

  it('holds every part of the board', () => {
    const file = exportedFile()
    expect(file).toMatchObject({ kind: 'tavolo-board', formatVersion: BOARD_FILE_VERSION, exportedAt: exportedAt.toISOString() })
    expect(Object.keys(file).sort()).toEqual(
      ['budgets', 'exportedAt', 'formatVersion', 'kind', 'people', 'ratings', 'records', 'schema', 'seatPicks', 'session', 'template', 'title', 'votes'].sort(),
    )
    expect(file.votes).toEqual({ 'shape:i1/anna': 2, 'shape:i1/luca': 1, 'shape:c1/zoe': 3 })
    expect(file.session).toHaveProperty('targets', { totalHours: 50 })
  })
})

describe('parseBoardFile refuses what it cannot import, with a clear message', () => {
  it('a file over the size limit, counted in UTF-8 bytes', () => {
    const text = serializeBoardFile(exportedFile())
    expect(parseError(text, 1000)).toMatch(/^This file is too large \(\d+ KB\); a board file may be at most 1 KB\.$/)
    expect(parseBoardFile(text, { maxBytes: 1000 })).toMatchObject({ code: 'board-file-too-large', params: { max: '1 KB' } })
    // The limit is in bytes, exactly: the file's unicode characters take several each.
    expect(parseBoardFile(text, { maxBytes: Buffer.byteLength(text) }).ok).toBe(true)
    expect(parseError(text, Buffer.byteLength(text) - 1)).toMatch(/too large/)
    const accents = `"${'é'.repeat(600)}"`
    expect(accents.length).toBeLessThan(1000)
    expect(parseError(accents, 1000)).toMatch(/too large/)
  })

  it('text that is not JSON', () => {
    // Said in words a person understands, with what to choose instead (issue 11).
    const notABoard = 'This file is not a Tavolo board. Choose a board file saved from Tavolo with Export → Board file (JSON); its name ends in .tavolo.json.'
    expect(parseError('<html>not json</html>')).toBe(notABoard)
    expect(parseError('')).toBe(notABoard)
    expect(parseBoardFile('', { maxBytes: 1000 })).toMatchObject({ code: 'board-file-not-tavolo' })
  })

  it('JSON that is not a board file', () => {
    for (const text of ['[]', 'null', '{"type":"excalidraw","elements":[]}', '{"kind":"tavolo-board-ish"}']) {
      expect(parseError(text)).toMatch(/^This file is not a Tavolo board\. Choose a board file saved from Tavolo/)
    }
  })

  it('a file from a newer version of Tavolo', () => {
    expect(parseError(edited((json) => (json.formatVersion = BOARD_FILE_VERSION + 1)))).toBe(
      'This board file was made by a newer version of Tavolo. Update Tavolo to import it.',
    )
    expect(parseError(edited((json) => (json.formatVersion = '1')))).toBe('The board file is damaged and cannot be imported: "formatVersion": expected number, got a string.')
    expect(parseError(edited((json) => (json.formatVersion = -1)))).toBe('The board file is damaged and cannot be imported: "formatVersion": expected a positive integer, got -1.')
  })

  it('records of a newer tldraw or card schema', () => {
    const text = edited((json) => (json.schema.sequences['com.tldraw.shape.tavolo-content'] = 99))
    expect(parseBoardFile(text, { maxBytes: 1_000_000 })).toMatchObject({ code: 'board-file-too-new', params: { parts: 'tavolo-content' } })
    expect(parseError(text)).toBe('This board file was made by a newer version of Tavolo. Update Tavolo to import it.')
  })

  it('an invalid record, naming it and what is wrong', () => {
    const text = edited((json) => (json.records.find((r: { id: string }) => r.id === 'shape:c1').props.hours = -1))
    expect(parseError(text)).toMatch(/^The board file is damaged and cannot be imported: record "shape:c1" is not valid: .*Hours must be a number, 0 or more/)
  })

  it('a record twice, a record with no id, a record that is not part of a document', () => {
    expect(parseError(edited((json) => json.records.push(json.records[0])))).toMatch(/appears twice/)
    const noId = edited((json) => json.records.push({ typeName: 'shape' }))
    expect(parseError(noId)).toMatch(/^The board file is damaged and cannot be imported: "records\.\d+\.id": expected string, got undefined\.$/)
    const camera = { id: 'camera:page:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} }
    expect(parseError(edited((json) => json.records.push(camera)))).toMatch(/camera record, which is not part of a board's document/)
  })

  it('damaged people, votes, session or schema', () => {
    const damaged = (what: string) => `The board file is damaged and cannot be imported: ${what}.`
    expect(parseError(edited((json) => (json.people.anna = 'Anna')))).toBe(damaged('"people.anna": expected object, got a string'))
    expect(parseError(edited((json) => (json.people.anna = { name: 'Anna', role: 'citizen' })))).toBe(
      damaged('"people.anna.colour": expected string, got undefined'),
    )
    expect(parseError(edited((json) => (json.votes['shape:c1/zoe'] = '3')))).toBe(damaged('"votes.shape:c1/zoe": expected number, got a string'))
    expect(parseError(edited((json) => (json.session = [])))).toBe(damaged('"session": expected object, got an array'))
    expect(parseError(edited((json) => (json.title = 7)))).toBe(damaged('"title": expected string, got a number'))
    expect(parseError(edited((json) => delete json.schema))).toBe(damaged('"schema": expected object, got undefined'))
    expect(parseError(edited((json) => (json.schema.sequences['com.tldraw.shape'] = 'new')))).toBe(
      damaged('"schema.sequences.com.tldraw.shape": expected number, got a string'),
    )
    expect(parseError(edited((json) => (json.records = {})))).toBe(damaged('"records": expected an array, got an object'))
  })
})

describe('parseBoardFile refuses the values the relay refuses in a live write', () => {
  const damaged = (what: string) => `The board file is damaged and cannot be imported: ${what}.`

  it('a session value its validator refuses, and a key that is not a session key', () => {
    expect(parseError(edited((json) => (json.session.voting = 'garbage')))).toBe(damaged('"session.voting": expected object, got a string'))
    expect(parseError(edited((json) => (json.session.voting = { status: 'open', dotsPerPerson: -3 })))).toMatch(
      /^The board file is damaged and cannot be imported: "session\.voting\.\w+": /,
    )
    expect(parseError(edited((json) => (json.session.notAKey = { any: 'thing' })))).toBe(damaged('"session.notAKey": is not a session key'))
    expect(parseBoardFile(edited((json) => (json.session.notes = 'x')), { maxBytes })).toMatchObject({ code: 'board-file-damaged' })
  })

  it('a person with a role that is not a person role', () => {
    expect(parseError(edited((json) => (json.people.anna.role = 'admin')))).toMatch(
      /^The board file is damaged and cannot be imported: "people\.anna\.role": expected "facilitator" or .*, got admin\.$/,
    )
    expect(parseError(edited((json) => (json.people.anna.name = '')))).toMatch(/"people\.anna\.name": expected 1 to 200 characters/)
  })

  it('votes and ratings out of range, or under a key that names no person', () => {
    expect(parseError(edited((json) => (json.ratings['Feasibility/anna'] = 1e308)))).toBe(damaged('"ratings": invalid value for Feasibility/anna'))
    expect(parseError(edited((json) => (json.ratings['Feasibility/anna'] = 6)))).toBe(damaged('"ratings": invalid value for Feasibility/anna'))
    expect(parseError(edited((json) => (json.votes['shape:c1/zoe'] = -1000)))).toBe(damaged('"votes": invalid value for shape:c1/zoe'))
    expect(parseError(edited((json) => (json.votes['shape:c1/zoe'] = 1e308)))).toBe(damaged('"votes": invalid value for shape:c1/zoe'))
    expect(parseError(edited((json) => (json.votes['shape:c1'] = 1)))).toBe(damaged('"votes": shape:c1 names no person'))
  })

  it('a value nested deeper than any board holds, before anything walks it', () => {
    // Built as text: making the value itself would overflow the stack of the test too.
    for (const depth of [MAX_NESTING_DEPTH, 5000, 100_000]) {
      const text = edited((json) => (json.session.notAKey = '@deep@')).replace('"@deep@"', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)
      expect(parseError(text)).toBe(damaged(`"session.notAKey": nested more than ${MAX_NESTING_DEPTH} levels deep`))
    }
    const deepMeta = edited((json) => (json.records[0].meta = '@deep@')).replace('"@deep@"', `${'['.repeat(5000)}${']'.repeat(5000)}`)
    expect(parseError(deepMeta)).toBe(damaged(`"records.0": nested more than ${MAX_NESTING_DEPTH} levels deep`))
  })

  it('keeps a session value an older version stored in an older shape, upgraded as every client reads it', () => {
    // A budget round from before the plenary budget had no scope: it was over the tables.
    const older = edited((json) => (json.session.budget = { status: 'closed', targetHours: 60, roundId: null }))
    const file = parsed(older)
    expect(file.session.budget).toEqual({ status: 'closed', scope: 'tables', targetHours: 60, roundId: null })
    const restored = new Y.Doc()
    boardFileToDoc(file, restored)
    expect(sessionWriteProblem('budget', readBoardDoc(restored).session.budget)).toBeNull()
  })

  it('imports an exported board whose every session value is set, unchanged', () => {
    const doc = workshopDoc()
    const session = doc.getMap<unknown>(SESSION_ROOT)
    for (const [key, value] of Object.entries(DEFAULT_SESSION)) session.set(key, value)
    const text = serializeBoardFile(toBoardFile(readBoardDoc(doc), { exportedAt }))
    expect(parsed(text).session).toEqual(readBoardDoc(doc).session)
  })
})

describe('parseBoardFile migrates older files', () => {
  it('upgrades a version-0 file, whose records were an object keyed by id', () => {
    const current = exportedFile()
    const versionZero = edited((json) => {
      json.formatVersion = 0
      json.records = Object.fromEntries(json.records.map((r: { id: string }) => [r.id, r]))
    }, current)
    const file = parsed(versionZero)
    expect(file.formatVersion).toBe(BOARD_FILE_VERSION)
    expect(file.records).toEqual(current.records)
  })

  it('migrates card records written with an older card schema to the current one', () => {
    // Content cards before `deliveredBy` existed (props version 1).
    const older = edited((json) => {
      json.schema.sequences['com.tldraw.shape.tavolo-content'] = 1
      for (const record of json.records) if (record.type === 'tavolo-content') delete record.props.deliveredBy
    })
    const file = parsed(older)
    expect(file.schema).toEqual(createTavoloSchema().serialize())
    const contents = file.records.filter((r) => 'type' in r && r.type === 'tavolo-content')
    expect(contents.length).toBeGreaterThan(0)
    for (const record of contents) expect(record).toHaveProperty('props.deliveredBy', 'unset')

    const restored = new Y.Doc()
    boardFileToDoc(file, restored)
    expect(readBoardDoc(restored).meta.schema).toEqual(createTavoloSchema().serialize())
  })

  it('accepts a file saved with a byte order mark', () => {
    expect(parsed(`\uFEFF${serializeBoardFile(exportedFile())}`).records).toHaveLength(exportedFile().records.length)
  })
})
