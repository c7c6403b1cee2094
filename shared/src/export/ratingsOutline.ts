import { PERSON_ROLES, PERSON_ROLE_LABELS } from '../roles'
import { summariseRatings } from '../session/ratings'
import { readSessionValue } from '../session/sessionState'
import type { OutlineBlock } from './outline'
import type { BoardDocContent } from '../doc/readBoardDoc'

// The co-assessment ratings of the programme: per criterion as the facilitator listed them, the
// average, how many rated, and the average by role (the session model computes all of them).

export function ratingsOutline(board: BoardDocContent): OutlineBlock[] {
  const criteria = summariseRatings(board.ratings, board.people, readSessionValue(board.session, 'criteria'))
  if (!criteria.some((c) => c.count > 0)) return []
  const roles = [...PERSON_ROLES, 'unknown' as const]
  const roleLabel = (role: (typeof roles)[number]) => (role === 'unknown' ? 'Role not given' : PERSON_ROLE_LABELS[role])
  return [
    { kind: 'heading', level: 2, text: 'Ratings' },
    { kind: 'paragraph', text: 'Each participant rated the design from 1 (poor) to 5 (excellent) on each criterion.' },
    {
      kind: 'table',
      columns: [
        { title: 'Criterion', align: 'left' },
        { title: 'Average', align: 'right' },
        { title: 'Ratings', align: 'right' },
        { title: 'Average by role', align: 'left' },
      ],
      rows: criteria.map((c) => [
        c.criterion,
        c.average === null ? '–' : c.average.toFixed(1),
        String(c.count),
        roles
          .filter((role) => c.byRole[role].average !== null)
          .map((role) => `${roleLabel(role)} ${c.byRole[role].average?.toFixed(1)}`)
          .join(', '),
      ]),
    },
  ]
}
