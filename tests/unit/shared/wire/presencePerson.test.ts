import { describe, expect, it } from 'vitest'
import { decodePresencePerson } from '../../../../shared/src/wire/presencePerson'

// The `person` field of a peer's presence, checked before the people list shows it.

describe("a peer's presence person", () => {
  const anna = { id: 'p1', name: 'Anna', role: 'citizen', colour: '#e03131', accessRole: 'editor' }

  it('keeps the five fields of a well-formed person and drops anything else', () => {
    expect(decodePresencePerson({ ...anna, extra: 'x' })).toEqual({ ok: true, value: anna })
  })

  it('says what is wrong with a malformed one', () => {
    expect(decodePresencePerson(undefined)).toEqual({ ok: false, error: 'expected object, got undefined' })
    expect(decodePresencePerson({ ...anna, id: '' })).toEqual({ ok: false, error: '"id": expected a person id, got an empty string' })
    expect(decodePresencePerson({ ...anna, name: 3 })).toEqual({ ok: false, error: '"name": expected string, got a number' })
    expect(decodePresencePerson({ ...anna, accessRole: 'admin' })).toMatchObject({ ok: false, error: expect.stringMatching(/^"accessRole": expected /) })
  })
})
