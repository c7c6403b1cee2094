import { describe, expect, it } from 'vitest'
import { editedCardMeta, newCardMeta, readCardMeta } from './cardMeta'

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
