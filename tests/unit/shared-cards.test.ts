import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import {
  CARD_TYPES,
  CONTENT_CARD_TYPE,
  DELIVERED_BY,
  DELIVERED_BY_LABELS,
  EXAM_FORMS,
  EXAM_FORM_LABELS,
  EXAM_TIMINGS,
  EXAM_TIMING_LABELS,
  FORMAT_KINDS,
  FORMAT_KIND_LABELS,
  HOURS_MESSAGE,
  WEIGHT_MESSAGE,
  contentCardProps,
  defaultContentCardProps,
  defaultExamCardProps,
  defaultFormatCardProps,
  defaultIdeaCardProps,
  defaultZoneProps,
  editedCardMeta,
  examCardProps,
  formatCardProps,
  newCardMeta,
  parseHours,
  parseWeight,
  readCardMeta,
  validateHours,
  validateWeight,
  zoneProps,
} from '../../shared/src/cards'
import { createTavoloSchema, tavoloShapeSchemas } from '../../shared/src/schema'

const schema = createTavoloSchema()

function shape(type: string, props: Record<string, unknown>) {
  return {
    id: createShapeId(),
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1' as IndexKey,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props,
    meta: {},
  } as unknown as TLRecord
}

const isValidShape = (type: string, props: Record<string, unknown>) => {
  try {
    schema.types.shape.validate(shape(type, props))
    return true
  } catch {
    return false
  }
}

describe('card props validators', () => {
  it('accept the default props of every shape type', () => {
    expect(isValidShape('tavolo-content', { ...defaultContentCardProps() })).toBe(true)
    expect(isValidShape('tavolo-format', { ...defaultFormatCardProps() })).toBe(true)
    expect(isValidShape('tavolo-exam', { ...defaultExamCardProps() })).toBe(true)
    expect(isValidShape('tavolo-idea', { ...defaultIdeaCardProps() })).toBe(true)
    expect(isValidShape('tavolo-zone', { ...defaultZoneProps(), accepts: ['tavolo-content', 'tavolo-idea'] })).toBe(true)
  })

  it.each([0, 0.5, 12, 49.5])('accept %s hours', (hours) => {
    expect(isValidShape('tavolo-content', { ...defaultContentCardProps(), hours })).toBe(true)
    expect(isValidShape('tavolo-format', { ...defaultFormatCardProps(), hours })).toBe(true)
  })

  it.each([-0.5, 0.3, Number.NaN, '4', null])('reject %s hours', (hours) => {
    expect(isValidShape('tavolo-content', { ...defaultContentCardProps(), hours })).toBe(false)
    expect(isValidShape('tavolo-format', { ...defaultFormatCardProps(), hours })).toBe(false)
  })

  it('explain a rejected value with the field message', () => {
    expect(() => contentCardProps.hours.validate(-1)).toThrow(HOURS_MESSAGE)
    expect(() => examCardProps.weight.validate(101)).toThrow(WEIGHT_MESSAGE)
  })

  it.each([0, 1, 50, 100])('accept an exam weight of %s', (weight) => {
    expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), weight })).toBe(true)
  })

  it.each([-1, 100.5, 101, 12.5, '30'])('reject an exam weight of %s', (weight) => {
    expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), weight })).toBe(false)
  })

  it('accept every listed option and reject others', () => {
    for (const kind of FORMAT_KINDS) expect(isValidShape('tavolo-format', { ...defaultFormatCardProps(), kind })).toBe(true)
    for (const timing of EXAM_TIMINGS) expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), timing })).toBe(true)
    for (const form of EXAM_FORMS) expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), form })).toBe(true)
    for (const deliveredBy of DELIVERED_BY) {
      expect(isValidShape('tavolo-content', { ...defaultContentCardProps(), deliveredBy })).toBe(true)
    }
    expect(isValidShape('tavolo-format', { ...defaultFormatCardProps(), kind: 'lecturer' })).toBe(false)
    expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), timing: 'midterm' })).toBe(false)
    expect(isValidShape('tavolo-exam', { ...defaultExamCardProps(), form: 'quiz' })).toBe(false)
    expect(isValidShape('tavolo-content', { ...defaultContentCardProps(), deliveredBy: 'robots' })).toBe(false)
    expect(isValidShape('tavolo-zone', { ...defaultZoneProps(), accepts: ['geo'] })).toBe(false)
  })

  it('reject missing or unknown props and a zero size', () => {
    const { hours: _hours, ...withoutHours } = defaultContentCardProps()
    expect(isValidShape('tavolo-content', withoutHours)).toBe(false)
    expect(isValidShape('tavolo-idea', { ...defaultIdeaCardProps(), colour: 'red' })).toBe(false)
    expect(isValidShape('tavolo-idea', { ...defaultIdeaCardProps(), w: 0 })).toBe(false)
  })

  it('are the objects the schema uses for each shape', () => {
    expect(tavoloShapeSchemas['tavolo-content'].props).toBe(contentCardProps)
    expect(tavoloShapeSchemas['tavolo-format'].props).toBe(formatCardProps)
    expect(tavoloShapeSchemas['tavolo-zone'].props).toBe(zoneProps)
    expect(Object.keys(tavoloShapeSchemas).sort()).toEqual([...CARD_TYPES, 'tavolo-zone'].sort())
  })
})

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

describe('labels for the UI', () => {
  it('name every option in human words', () => {
    expect(Object.keys(FORMAT_KIND_LABELS)).toEqual([...FORMAT_KINDS])
    expect(FORMAT_KIND_LABELS.lecture).toBe('Frontal lecture')
    expect(FORMAT_KIND_LABELS['case-study']).toBe('Case study')
    expect(FORMAT_KIND_LABELS.workshop).toBe('Workshop / lab')
    expect(Object.keys(EXAM_TIMING_LABELS)).toEqual([...EXAM_TIMINGS])
    expect(Object.keys(EXAM_FORM_LABELS)).toEqual([...EXAM_FORMS])
    expect(Object.keys(DELIVERED_BY_LABELS)).toEqual([...DELIVERED_BY])
  })
})

describe('content card migrations', () => {
  // A board saved before `deliveredBy` existed: its schema records tavolo-content at version 1.
  const current = schema.serialize()
  const oldSchema = {
    ...current,
    sequences: { ...current.sequences, 'com.tldraw.shape.tavolo-content': 1 },
  }
  const { deliveredBy: _added, ...oldProps } = { ...defaultContentCardProps(), title: 'Public value', hours: 6 }
  const oldCard = shape(CONTENT_CARD_TYPE, oldProps)

  it('is at version 2 in the current schema', () => {
    expect(current.sequences['com.tldraw.shape.tavolo-content']).toBe(2)
  })

  it('adds deliveredBy = unset when migrating an old card up', () => {
    const result = schema.migratePersistedRecord(oldCard, oldSchema, 'up')
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    expect((result.value as { props: unknown }).props).toEqual({ ...oldProps, deliveredBy: 'unset' })
    expect(() => schema.types.shape.validate(result.value)).not.toThrow()
  })

  it('removes deliveredBy when migrating down for an older client', () => {
    const newCard = shape(CONTENT_CARD_TYPE, { ...oldProps, deliveredBy: 'citizens' })
    const result = schema.migratePersistedRecord(newCard, oldSchema, 'down')
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    expect((result.value as { props: unknown }).props).toEqual(oldProps)
  })

  it('migrates a whole old store snapshot', () => {
    const snapshot = { schema: oldSchema, store: { [oldCard.id]: oldCard } }
    const result = schema.migrateStoreSnapshot(snapshot)
    expect(result.type).toBe('success')
    if (result.type !== 'success') return
    const migrated = result.value[oldCard.id] as { props: Record<string, unknown> }
    expect(migrated.props.deliveredBy).toBe('unset')
  })
})

describe('card meta', () => {
  it('records the creator and keeps them when someone else edits', () => {
    const created = newCardMeta('person-a', 1000)
    expect(created).toEqual({ createdBy: 'person-a', createdAt: 1000, lastEditedBy: 'person-a', lastEditedAt: 1000 })
    const edited = editedCardMeta({ ...created, colourTag: 'x' }, 'person-b', 2000)
    expect(edited).toEqual({ createdBy: 'person-a', createdAt: 1000, lastEditedBy: 'person-b', lastEditedAt: 2000, colourTag: 'x' })
    expect(readCardMeta(edited)).toEqual({ createdBy: 'person-a', createdAt: 1000, lastEditedBy: 'person-b', lastEditedAt: 2000 })
  })

  it('reads missing or malformed meta as null without throwing', () => {
    const none = { createdBy: null, createdAt: null, lastEditedBy: null, lastEditedAt: null }
    expect(readCardMeta(undefined)).toEqual(none)
    expect(readCardMeta('x')).toEqual(none)
    expect(readCardMeta([1])).toEqual(none)
    expect(readCardMeta({ createdBy: 7, createdAt: 'yesterday', lastEditedBy: '', lastEditedAt: Number.NaN })).toEqual(none)
    expect(editedCardMeta(null, 'p', 5)).toEqual({ lastEditedBy: 'p', lastEditedAt: 5 })
  })
})
