import { T } from '@tldraw/validate'
import { expectDistinct, storedId } from '../wire/validation'

// The comparison's links as stored in the session, apart from comparison.ts: the server's write
// rules read the session, and load without the design summary (and its i18next).

/** `session.comparisonLinks`: groups of two or more card ids, each card in one group at most. */
export const storedComparisonLinks: T.Validator<string[][]> = T.arrayOf(T.arrayOf(storedId).lengthGreaterThan1()).check((groups) =>
  expectDistinct(groups.flat(), 'linked card'),
)
