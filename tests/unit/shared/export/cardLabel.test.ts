import { describe, expect, it } from 'vitest'
import { CONTENT_CARD_TYPE } from '../../../../shared/src/cards/content/contentCard'
import { FORMAT_CARD_TYPE } from '../../../../shared/src/cards/format/formatCard'
import { IDEA_CARD_TYPE } from '../../../../shared/src/cards/idea/ideaCard'
import { cardLabel } from '../../../../shared/src/export/cardLabel'
import { translatorFor } from '../../../../shared/src/i18n'

// The vote ranking in the summary panel names cards as the exports do, on one line of 60 characters.

describe('cardLabel', () => {
  const t = translatorFor('en')
  const it_ = translatorFor('it')

  it('names a card without a title by its type, in the language asked for, as the ranking does', () => {
    expect(cardLabel({ type: CONTENT_CARD_TYPE, props: { title: '  ' } }, t, 60)).toBe('Untitled content')
    expect(cardLabel({ type: FORMAT_CARD_TYPE, props: { kind: 'lecture' } }, t, 60)).toBe('Frontal lecture')
    expect(cardLabel({ type: FORMAT_CARD_TYPE, props: { kind: 'lecture' } }, it_, 60)).not.toBe('Frontal lecture')
    expect(cardLabel({ type: IDEA_CARD_TYPE, props: { text: '' } }, t, 60)).toBe(t('programme.emptyIdea'))
  })

  it('shortens a long label at a word to `max` characters only when asked', () => {
    const title = 'Co-production of public services with citizens and professionals, in practice'
    const short = cardLabel({ type: CONTENT_CARD_TYPE, props: { title } }, t, 60)
    expect(short.length).toBeLessThanOrEqual(60)
    expect(short).toBe('Co-production of public services with citizens and…')
    expect(cardLabel({ type: CONTENT_CARD_TYPE, props: { title } }, t)).toBe(title)
  })
})
