import { describe, expect, it } from 'vitest'
import { isValidShape } from '../../../../tests/support/shapeRecords'
import { describeCard } from '../cardFields'
import { FORMAT_CARD, FORMAT_CARD_TYPE, FORMAT_KINDS, FORMAT_KIND_LABELS, defaultFormatCardProps } from './formatCard'

const valid = (props: Record<string, unknown>) => isValidShape(FORMAT_CARD_TYPE, { ...defaultFormatCardProps(), ...props })

describe('lecture format card', () => {
  it('accepts the defaults, every kind and hours in steps of 0.5', () => {
    expect(valid({})).toBe(true)
    for (const kind of FORMAT_KINDS) expect(valid({ kind })).toBe(true)
    for (const hours of [0, 0.5, 12, 49.5]) expect(valid({ hours })).toBe(true)
  })

  it('rejects other kinds and other hours', () => {
    expect(valid({ kind: 'lecturer' })).toBe(false)
    for (const hours of [-0.5, 0.3, Number.NaN, '4', null]) expect(valid({ hours })).toBe(false)
  })

  it('names every kind in human words', () => {
    expect(Object.keys(FORMAT_KIND_LABELS)).toEqual([...FORMAT_KINDS])
    expect(FORMAT_KIND_LABELS.lecture).toBe('Frontal lecture')
    expect(FORMAT_KIND_LABELS['case-study']).toBe('Case study')
    expect(FORMAT_KIND_LABELS.workshop).toBe('Workshop / lab')
  })

  it('is described to screen readers by its filled fields', () => {
    expect(describeCard(FORMAT_CARD, { ...defaultFormatCardProps(), kind: 'seminar', hours: 4, notes: ' Fridays ' })).toBe(
      'Kind: Seminar, Hours: 4 h, Notes: Fridays',
    )
  })
})
