import { describe, expect, it } from 'vitest'
import { catalogues, languages, translatorFor } from '../../../../shared/src/i18n'
import { serverErrorText } from '../../../../shared/src/i18n/serverError'
import { API_ERROR_CODES, errorCodeForStatus } from '../../../../shared/src/wire/errors'

describe('server error codes', () => {
  it.each(languages)('%s words exactly the codes the wire defines', (language) => {
    expect(Object.keys(catalogues[language].serverErrors).sort()).toEqual([...API_ERROR_CODES].sort())
  })

  it('gives every HTTP status a code', () => {
    expect(errorCodeForStatus(429)).toBe('rate-limited')
    expect(errorCodeForStatus(404)).toBe('not-found')
    expect(errorCodeForStatus(503)).toBe('internal')
  })
})

describe('serverErrorText', () => {
  const it_ = translatorFor('it')
  const en = translatorFor('en')

  it('words a refusal in the language asked for, from its code and values, numbers per locale', () => {
    const body = { error: 'the JSON body is over the 1048576 byte limit', code: 'too-large', params: { limit: 1_048_576 } }
    expect(serverErrorText(it_, body)).toBe('È troppo grande: il server legge al massimo 1.048.576 byte.')
    expect(serverErrorText(en, body)).toBe('This is too large: the server reads at most 1,048,576 bytes.')
    const rate = { error: 'too many new boards from this address: try again in 30 s', code: 'rate-limited', params: { seconds: 30 } }
    expect(serverErrorText(it_, rate)).toBe('Troppe richieste da questo indirizzo. Riprova tra 30 s.')
    const damaged = { error: 'The board file is damaged and cannot be imported: "title" must be text.', code: 'board-file-damaged', params: { what: '"title" must be text' } }
    expect(serverErrorText(it_, damaged)).toBe('Il file della lavagna è danneggiato e non si può importare: "title" must be text.')
  })

  it("keeps the server's own sentence as the detail of a general refusal", () => {
    expect(serverErrorText(it_, { error: '"title": expected string, got a number', code: 'bad-request' })).toBe(
      'Il server ha rifiutato la richiesta: "title": expected string, got a number',
    )
  })

  it('answers null for a body without a known code, so the caller falls back to its text', () => {
    expect(serverErrorText(it_, { error: 'from a newer server', code: 'something-new' })).toBeNull()
    expect(serverErrorText(it_, { error: 'old server' })).toBeNull()
    expect(serverErrorText(it_, 'not an object')).toBeNull()
  })
})
