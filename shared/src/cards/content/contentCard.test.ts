import { describe, expect, it } from 'vitest'
import { boardSchema, isValidShape, shapeRecord } from '../../../../tests/support/shapeRecords'
import { HOURS_MESSAGE } from '../numberFields'
import { CONTENT_CARD, CONTENT_CARD_TYPE, DELIVERED_BY, contentCardProps, defaultContentCardProps } from './contentCard'

const valid = (props: Record<string, unknown>) => isValidShape(CONTENT_CARD_TYPE, { ...defaultContentCardProps(), ...props })

describe('content card props', () => {
  it('accept the defaults, hours in steps of 0.5 and every "delivered by"', () => {
    expect(valid({})).toBe(true)
    for (const hours of [0, 0.5, 12, 49.5]) expect(valid({ hours })).toBe(true)
    for (const deliveredBy of DELIVERED_BY) expect(valid({ deliveredBy })).toBe(true)
  })

  it('reject other hours, other "delivered by" and a missing field, saying why for hours', () => {
    for (const hours of [-0.5, 0.3, Number.NaN, '4', null]) expect(valid({ hours })).toBe(false)
    expect(valid({ deliveredBy: 'robots' })).toBe(false)
    const { hours: _hours, ...withoutHours } = defaultContentCardProps()
    expect(isValidShape(CONTENT_CARD_TYPE, withoutHours)).toBe(false)
    expect(() => contentCardProps.hours.validate(-1)).toThrow(HOURS_MESSAGE)
  })

  it('show the title as heading and hours, delivered by as facts', () => {
    expect(CONTENT_CARD.fields.map((f) => [f.key, f.show])).toEqual([
      ['title', 'heading'],
      ['description', 'body'],
      ['hours', 'fact'],
      ['deliveredBy', 'fact'],
    ])
  })
})

describe('content card migrations', () => {
  // A board saved before `deliveredBy` existed: its schema records tavolo-content at version 1.
  const current = boardSchema.serialize()
  const schemaAt = (version: number) => ({ ...current, sequences: { ...current.sequences, 'com.tldraw.shape.tavolo-content': version } })
  const { deliveredBy: _added, ...oldProps } = { ...defaultContentCardProps(), title: 'Public value', hours: 6 }
  const oldCard = shapeRecord(CONTENT_CARD_TYPE, oldProps)

  it('is at version 2 in the current schema', () => {
    expect(current.sequences['com.tldraw.shape.tavolo-content']).toBe(2)
  })

  it('adds deliveredBy = unset when migrating an old card up', () => {
    const result = boardSchema.migratePersistedRecord(oldCard, schemaAt(1), 'up')
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    expect((result.value as { props: unknown }).props).toEqual({ ...oldProps, deliveredBy: 'unset' })
    expect(() => boardSchema.types.shape.validate(result.value)).not.toThrow()
  })

  it('removes deliveredBy when migrating down for an older client', () => {
    const newCard = shapeRecord(CONTENT_CARD_TYPE, { ...oldProps, deliveredBy: 'citizens' })
    const result = boardSchema.migratePersistedRecord(newCard, schemaAt(1), 'down')
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    expect((result.value as { props: unknown }).props).toEqual(oldProps)
  })

  it('migrates a whole old store snapshot, and loads one stored at the current version unchanged', () => {
    const result = boardSchema.migrateStoreSnapshot({ schema: schemaAt(1), store: { [oldCard.id]: oldCard } })
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    expect((result.value[oldCard.id] as { props: Record<string, unknown> }).props.deliveredBy).toBe('unset')

    const stored = shapeRecord(CONTENT_CARD_TYPE, { ...oldProps, deliveredBy: 'both' })
    const same = boardSchema.migrateStoreSnapshot({ schema: schemaAt(2), store: { [stored.id]: stored } })
    expect(same).toEqual({ type: 'success', value: { [stored.id]: stored } })
  })
})
