import { describe, expect, it } from 'vitest'
import { isValidShape } from '../../../../tests/support/shapeRecords'
import { ZONE_TYPE, defaultZoneProps } from './zone'

describe('zone', () => {
  it('accepts card types as what it holds, and nothing else', () => {
    expect(isValidShape(ZONE_TYPE, { ...defaultZoneProps() })).toBe(true)
    expect(isValidShape(ZONE_TYPE, { ...defaultZoneProps(), accepts: ['tavolo-content', 'tavolo-idea'] })).toBe(true)
    expect(isValidShape(ZONE_TYPE, { ...defaultZoneProps(), accepts: ['geo'] })).toBe(false)
    expect(isValidShape(ZONE_TYPE, { ...defaultZoneProps(), accepts: ['tavolo-zone'] })).toBe(false)
  })
})
