import { describe, expect, it } from 'vitest'
import { exportMenuItems } from '../../../../client/src/export/exportMenuItems'
import { translatorFor } from '../../../../shared/src/i18n'

const t = translatorFor('en')

const labels = (...args: [Parameters<typeof exportMenuItems>[0], boolean]) => exportMenuItems(...args, t).map((item) => item.label)

describe('exportMenuItems', () => {
  it('offers the facilitator every format, then the board images', () => {
    expect(labels('facilitator', false)).toEqual([
      'Programme (Markdown)',
      'Programme (PDF)',
      'Cards (CSV)',
      'Board file (JSON)',
      'Image of the board (PNG)',
      'Image of the board (SVG)',
    ])
  })

  it('offers participants and viewers the programme and the images only', () => {
    const allowed = ['Programme (Markdown)', 'Programme (PDF)', 'Image of the board (PNG)', 'Image of the board (SVG)']
    expect(labels('editor', false)).toEqual(allowed)
    expect(labels('viewer', false)).toEqual(allowed)
  })

  it('adds the zone images, last, when a zone is selected', () => {
    expect(labels('viewer', true).slice(-2)).toEqual(['Image of this zone (PNG)', 'Image of this zone (SVG)'])
    expect(exportMenuItems('facilitator', true, t)).toHaveLength(8)
  })

  it('gives every item a distinct id', () => {
    const ids = exportMenuItems('facilitator', true, t).map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
