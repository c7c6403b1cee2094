import { describe, expect, it } from 'vitest'
import { HOURS_MESSAGE, parseHours, parseWeight, validateHours, validateWeight } from './numberFields'

describe('typed field values', () => {
  it('parse hours typed with a point or a decimal comma', () => {
    expect(parseHours('2.5')).toEqual({ ok: true, value: 2.5 })
    expect(parseHours(' 2,5 ')).toEqual({ ok: true, value: 2.5 })
    expect(parseHours('0')).toEqual({ ok: true, value: 0 })
    expect(parseHours(6)).toEqual({ ok: true, value: 6 })
  })

  it.each(['abc', '', '-1', '2.3', '1e3x', 'Infinity', '3 h'])('refuse hours typed as %j with the message', (input) => {
    expect(validateHours(input)).toBe('Hours must be a number, 0 or more, in steps of 0.5')
    expect(parseHours(input)).toEqual({ ok: false, message: HOURS_MESSAGE })
  })

  it('parse and refuse exam weights', () => {
    expect(parseWeight('30')).toEqual({ ok: true, value: 30 })
    expect(validateWeight('100')).toBeNull()
    for (const input of ['101', '-5', '12.5', 'thirty', '']) {
      expect(validateWeight(input)).toBe('Weight must be a whole number from 0 to 100')
    }
  })
})
