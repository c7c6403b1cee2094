import type { TFunction } from 'i18next'
import { formatNumber, translatorFor, type Language } from '../i18n'
import { PERSON_ROLES } from '../roles'
import { summariseRatings } from '../session/ratings'
import { readSessionValue } from '../session/sessionState'
import type { ContributorRole } from '../summary'
import type { OutlineBlock } from './outline'
import type { BoardDocContent } from '../doc/readBoardDoc'

// The co-assessment ratings of the programme: per criterion as the facilitator listed them, the
// average, how many rated, and the average by role (the session model computes all of them).

export function ratingsOutline(board: BoardDocContent, language: Language): OutlineBlock[] {
  const criteria = summariseRatings(board.ratings, board.people, readSessionValue(board.session, 'criteria'))
  if (!criteria.some((c) => c.count > 0)) return []
  const t = translatorFor(language)
  const roles = [...PERSON_ROLES, 'unknown' as const]
  const average = (value: number) => formatNumber(language, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return [
    { kind: 'heading', level: 2, text: t('programme.ratings') },
    { kind: 'paragraph', text: t('programme.ratingsIntro') },
    {
      kind: 'table',
      columns: [
        { title: t('programme.criterion'), align: 'left' },
        { title: t('programme.average'), align: 'right' },
        { title: t('programme.ratingsCount'), align: 'right' },
        { title: t('programme.averageByRole'), align: 'left' },
      ],
      rows: criteria.map((c) => [
        c.criterion,
        c.average === null ? '–' : average(c.average),
        formatNumber(language, c.count),
        roles
          .flatMap((role) => {
            const value = c.byRole[role].average
            return value === null ? [] : [t('programme.roleAverage', { role: roleLabel(t, role), average: average(value) })]
          })
          .join(', '),
      ]),
    },
  ]
}

/** A person's role as the export names it; "Role not given" for anyone whose role is unknown. */
export function roleLabel(t: TFunction, role: ContributorRole): string {
  return role === 'unknown' ? t('programme.roleUnknown') : t(`roles.${role}`)
}
