import { describe, expect, it } from 'vitest'
import { markdownInline, markdownParagraph } from '../../../../shared/src/export/markdownText'
import { programmeMarkdown } from '../../../../shared/src/export/programmeMarkdown'
import { programmeOutline } from '../../../../shared/src/export/programmeOutline'
import { computeSummary } from '../../../../shared/src/summary'
import { boardWithCards, PEOPLE, workshopBoard } from './fixture'

const date = new Date(Date.UTC(2026, 10, 28, 15, 30))

/** The cells of a GFM table line: split on pipes that are not backslash-escaped. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /)
}

/** The header and body rows of the tables in a piece of Markdown (the alignment rule left out). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !/^\|( -+:? \|)+$/.test(line))
    .map(cells)
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end < 0 ? undefined : end)
}

describe('markdown escaping', () => {
  it('escapes characters that open inline markup', () => {
    expect(markdownInline('a *b* _c_ `d` [e](f) ![i](j) <g> h|i ~j~ &amp; $x$ \\')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) !\\[i\\](j) \\<g\\> h\\|i \\~j\\~ \\&amp; \\$x\\$ \\\\',
    )
    expect(markdownInline('Welcome!')).toBe('Welcome!')
  })

  it('escapes what would open a block at the start of a line', () => {
    expect(markdownInline('# Title')).toBe('\\# Title')
    expect(markdownInline('- item')).toBe('\\- item')
    expect(markdownInline('+ item')).toBe('\\+ item')
    expect(markdownInline('1. first')).toBe('1\\. first')
    expect(markdownInline('2) second')).toBe('2\\) second')
    expect(markdownInline('=====')).toBe('\\=====')
    expect(markdownInline('> quote')).toBe('\\> quote')
    expect(markdownInline('2025 was good')).toBe('2025 was good')
    expect(markdownInline('4.5')).toBe('4.5')
  })

  it('keeps one line for inline text and the lines of a paragraph, each escaped', () => {
    expect(markdownInline('  two\nlines\r\n here ')).toBe('two lines here')
    expect(markdownParagraph('Line one\n- not a list\n    code?\n\n\n\n# not a heading')).toBe(
      'Line one\n\\- not a list\ncode?\n\n\\# not a heading',
    )
  })

  it('leaves unicode alone', () => {
    expect(markdownInline('Zoë 王 — “quoted” ≈ 50 h')).toBe('Zoë 王 — “quoted” ≈ 50 h')
  })
})

describe('programmeMarkdown', () => {
  const board = workshopBoard()
  const markdown = programmeMarkdown(board, { date })

  it('starts with the escaped title and the date', () => {
    const [first, , second] = markdown.split('\n')
    expect(first).toBe('# MSc Public Services — “Co-design” \\| Milano')
    expect(second).toContain('Exported on 28 November 2026')
    expect(second).toContain('MSc programme — Public Services Management (≈ 50 h)')
  })

  it('lists participants by role with their names', () => {
    expect(section(markdown, 'Participants')).toContain(
      [
        '- Facilitator (1): Fran',
        '- Professional (1): Anna Rossi',
        '- Citizen / service user (1): Luca Bianchi',
        '- Student (1): Zoë 王',
      ].join('\n'),
    )
  })

  it('shows the summary totals and every warning of the shared summary', () => {
    const summary = section(markdown, 'Summary')
    expect(summary).toContain('- Contents: 50 h of 50 h')
    expect(summary).toContain('- Lecture formats: 50 h of 50 h')
    expect(summary).toContain('- Exam weights: 100 % (ongoing 40 %, final 60 %)')
    const warnings = computeSummary(board).warnings
    expect(warnings.map((w) => w.code)).toEqual(['card-outside-zones'])
    for (const warning of warnings) expect(summary).toContain(`- ${markdownInline(warning.message)}`)
  })

  it('lists contents by position in their zone, with hours, descriptions and who delivers them', () => {
    const contents = section(markdown, 'Contents')
    const headings = contents.split('\n').filter((line) => line.startsWith('### '))
    expect(headings).toEqual([
      '### 1\\. Public value (10 h)',
      '### 2\\. \\# Co-production \\| roles \\& \\*levels\\* (20 h)',
      '### 3\\. Network governance (20 h)',
    ])
    expect(contents).toContain('What the public values, and who creates it.\n\nDelivered by: Professionals')
    expect(contents).toContain('Line one, with "quotes"\n\\- not a list\n\\=SUM(A1)')
    expect(contents).toContain('Delivered by: Professionals and citizens together')
    expect(contents).toContain('not counted in the totals (see the warnings):\n\n- Stray topic')
  })

  it('shows lecture formats and exams in tables with their totals and weights', () => {
    expect(tableRows(section(markdown, 'Lecture formats'))).toEqual([
      ['Format', 'Hours', 'Notes'],
      ['Frontal lecture', '30', 'Mornings'],
      ['Case study', '20', ''],
      ['Total', '50', ''],
    ])
    const exams = section(markdown, 'Exams')
    expect(tableRows(exams)).toEqual([
      ['When', 'Form', 'Weight', 'Notes'],
      ['Ongoing (during the course)', 'Project', '40 %', ''],
      ['Final', 'Written', '60 %', 'Open book, 2 h'],
    ])
    expect(exams).toContain('Weights: ongoing 40 %, final 60 %, total 100 %.')
  })

  it('ranks voted cards, equal dots sharing a rank, and shows the ratings', () => {
    expect(tableRows(section(markdown, 'Vote results')).slice(1)).toEqual([
      ['1', 'Public value', 'Contents', '3'],
      ['1', 'Invite a city councillor', 'Parking lot (ideas)', '3'],
    ])
    expect(tableRows(section(markdown, 'Ratings')).slice(1)).toEqual([
      ['Relevance for students', '3.0', '1', 'Student 3.0'],
      ['Feasibility', '4.5', '2', 'Professional 4.0, Citizen / service user 5.0'],
      ['Balance of theory and practice', '–', '0', ''],
    ])
  })

  it('lists the parking lot of ideas and who co-produced the design', () => {
    expect(section(markdown, 'Parking lot: open ideas')).toContain('- Invite a city councillor (3 dots)\n- \\+ more field visits')
    const coProduced = section(markdown, 'Who co-produced this design')
    expect(tableRows(coProduced)).toEqual([
      ['Role', 'Cards created', 'Cards last edited'],
      ['Facilitator', '1', '1'],
      ['Professional', '4', '3'],
      ['Citizen / service user', '3', '3'],
      ['Student', '2', '3'],
    ])
    expect(coProduced).toContain('- Anna Rossi (Professional): 4 created, 3 last edited')
  })

  it('names nobody in an anonymous programme', () => {
    const anonymous = programmeMarkdown(board, { date, anonymous: true })
    for (const person of Object.values(PEOPLE)) expect(anonymous).not.toContain(person.name)
    expect(section(anonymous, 'Participants')).toContain('- Professional: 1 person')
    expect(anonymous).toContain('| Professional | 4 | 3 |')
  })

  it('keeps the document structure whatever the cards say', () => {
    const outline = programmeOutline(board, { date })
    const headingCount = outline.blocks.filter((b) => b.kind === 'heading').length
    expect(markdown.split('\n').filter((l) => /^#{1,6} /.test(l))).toHaveLength(headingCount)
    for (const block of outline.blocks) {
      if (block.kind !== 'table') continue
      const rows = tableRows(markdown).filter((row) => row.length === block.columns.length)
      expect(rows.length).toBeGreaterThanOrEqual(block.rows.length + 1)
    }
  })

  it('handles an untitled board without zones, people or cards', () => {
    const empty = programmeMarkdown({ ...boardWithCards([]), meta: {} }, { date })
    expect(empty.startsWith('# Untitled board\n')).toBe(true)
    expect(empty).toContain('Nobody joined this board by name.')
    expect(empty).toContain('- Cards on the board: 0')
    expect(empty).not.toContain('## Contents')
    expect(empty.endsWith('No cards yet.\n')).toBe(true)
  })

  it('shows a content card titled with markup or line breaks as text on one heading line', () => {
    const markdownOf = programmeMarkdown(
      boardWithCards([{ id: 'shape:a', type: 'tavolo-content', props: { title: '# x\n## y', description: '', hours: 1, deliveredBy: 'unset' } }]),
      { date },
    )
    expect(markdownOf).toContain('- \\# x \\#\\# y\n')
  })
})
