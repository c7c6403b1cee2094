import { describe, expect, it } from 'vitest'
import { CARDS_CSV_COLUMNS, cardsCsv } from '../../../../shared/src/export/cardsCsv'
import { CSV_BOM, csvField, csvRow } from '../../../../shared/src/export/csv'
import { boardWithCards, PEOPLE, T0, workshopBoard } from './fixture'

/** A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2)
        else if (text[i] === '"') break
        else field += text[i++]
      }
      i++
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`)
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') i++
    else if (text.startsWith('\r\n', i)) (rows.push(row), (row = []), (i += 2))
    else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`)
  }
  return rows
}

function cardRows(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith(CSV_BOM)).toBe(true)
  const [header, ...rows] = readCsv(csv.slice(CSV_BOM.length))
  expect(header).toEqual([...CARDS_CSV_COLUMNS])
  for (const row of rows) expect(row).toHaveLength(header.length)
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
}

describe('csvField and csvRow', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField('')).toBe('')
    expect(csvField(null)).toBe('')
  })

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)")
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('@cmd')).toBe("'@cmd")
    expect(csvField('\tx')).toBe("'\tx")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvField('a=b')).toBe('a=b')
  })

  it('writes numbers as numbers, negative ones included, and no text for non-finite ones', () => {
    expect(csvField(2.5)).toBe('2.5')
    expect(csvField(-3)).toBe('-3')
    expect(csvField(0)).toBe('0')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('ends each record with CRLF', () => {
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n')
  })
})

describe('cardsCsv', () => {
  it('has one row per card, zones excluded, in reading order with the zone each is in', () => {
    const rows = cardRows(cardsCsv(workshopBoard()))
    expect(rows.map((r) => r.id)).toEqual([
      'shape:c1',
      'shape:c2',
      'shape:c3',
      'shape:f1',
      'shape:f2',
      'shape:e1',
      'shape:e2',
      'shape:i1',
      'shape:i2',
      'shape:x1',
    ])
    expect(rows.map((r) => r.zone)).toEqual([
      'Contents',
      'Contents',
      'Contents',
      'Lecture formats',
      'Lecture formats',
      'Exams (ongoing and final)',
      'Exams (ongoing and final)',
      'Parking lot (ideas)',
      'Parking lot (ideas)',
      '',
    ])
  })

  it('keeps every field of a card: text as typed, numbers numeric, people and times', () => {
    const rows = cardRows(cardsCsv(workshopBoard()))
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(byId.get('shape:c2')).toEqual({
      id: 'shape:c2',
      type: 'tavolo-content',
      zone: 'Contents',
      title: '# Co-production | roles & *levels*',
      description: 'Line one, with "quotes"\n- not a list\n=SUM(A1)',
      hours: '20',
      kind: '',
      timing: '',
      form: '',
      weight: '',
      votes: '0',
      creator_name: PEOPLE.anna.name,
      creator_role: 'professional',
      created_at: new Date(T0 + 60_000).toISOString(),
      last_edited_at: new Date(T0 + 90_000).toISOString(),
      table: '',
      adopted_from_table: '',
      adopted_from_card: '',
    })
    expect(byId.get('shape:e2')).toMatchObject({ timing: 'final', form: 'written', weight: '60', description: 'Open book, 2 h' })
    expect(byId.get('shape:f2')).toMatchObject({ kind: 'case-study', hours: '20', creator_name: 'Luca Bianchi', creator_role: 'citizen' })
    expect(byId.get('shape:i1')).toMatchObject({ description: 'Invite a city councillor', votes: '3', title: '' })
    // An idea starting with "+" is text, neutralised; it still reads back as typed after the apostrophe.
    expect(byId.get('shape:i2')?.description).toBe("'+ more field visits")
    expect(byId.get('shape:e1')?.creator_name).toBe('Zoë 王')
  })

  it('writes the raw CSV with quoting and CRLF line ends, unicode as UTF-8 text', () => {
    const csv = cardsCsv(workshopBoard())
    expect(csv).toContain(`"Line one, with ""quotes""\n- not a list\n=SUM(A1)"`)
    expect(csv).toContain(',Zoë 王,student,')
    expect(csv.split('\r\n')).toHaveLength(12)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })

  it('neutralises injection in any text column and leaves valid numbers numeric', () => {
    const board = boardWithCards(
      [{ id: 'shape:evil', type: 'tavolo-content', props: { title: '=1+2', description: '@SUM(1)', hours: 2.5, deliveredBy: 'unset' }, meta: { createdBy: 'p' } }],
      { people: { p: { name: '-cmd|calc', role: 'citizen', colour: '' } } },
    )
    const [row] = cardRows(cardsCsv(board))
    expect(row).toMatchObject({ title: "'=1+2", description: "'@SUM(1)", hours: '2.5', creator_name: "'-cmd|calc" })
  })

  it('leaves empty cells for empty fields, missing people and malformed stored values', () => {
    const board = boardWithCards([
      { id: 'shape:empty', type: 'tavolo-content', props: { title: '', description: '', hours: 0, deliveredBy: 'unset' } },
      { id: 'shape:bad', type: 'tavolo-format', props: { kind: 7, hours: '=3', notes: null }, meta: { createdBy: 'nobody', createdAt: 'yesterday' } },
    ])
    const rows = cardRows(cardsCsv(board))
    expect(rows[0]).toMatchObject({ title: '', description: '', hours: '0', creator_name: '', created_at: '', zone: '' })
    // A text where a number belongs is still neutralised; a number where text belongs is kept.
    expect(rows[1]).toMatchObject({ kind: '7', hours: "'=3", description: '', creator_name: '', creator_role: '', created_at: '' })
  })

  it('leaves creator names out of an anonymous export but keeps their roles', () => {
    const rows = cardRows(cardsCsv(workshopBoard(), { anonymous: true }))
    expect(rows.every((r) => r.creator_name === '' || r.creator_name === 'Template')).toBe(true)
    expect(rows.map((r) => r.creator_role)).toContain('citizen')
  })

  it('writes only the header for a board with no cards', () => {
    expect(cardsCsv(boardWithCards([]))).toBe(`${CSV_BOM}${CARDS_CSV_COLUMNS.join(',')}\r\n`)
  })
})
