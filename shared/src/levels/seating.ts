import type { Seating, TableDef } from './tables'

// Seating the room at random with a balance of roles: each role's people are shuffled and dealt
// round the tables, each next person going to the emptiest table (then the one with fewest of
// that role), so professionals, citizens and students spread evenly and tables differ by at most one.

export interface Seatable {
  personId: string
  role: string
}

/** A seating of `people` at `tables`; `random` returns [0, 1) (Math.random, or seeded in tests). */
export function seatAtRandom(people: readonly Seatable[], tables: readonly TableDef[], random: () => number): Seating {
  if (tables.length === 0) throw new Error('There are no tables to seat people at')
  const byRole = new Map<string, string[]>()
  for (const person of people) byRole.set(person.role, [...(byRole.get(person.role) ?? []), person.personId])
  const sizes = new Map(tables.map((t) => [t.id, 0]))
  const seating: Seating = {}
  // Larger role groups first, so the small ones fill the gaps they leave.
  const roles = [...byRole.keys()].sort((a, b) => byRole.get(b)!.length - byRole.get(a)!.length || (a < b ? -1 : 1))
  for (const role of roles) {
    const ofRole = new Map(tables.map((t) => [t.id, 0]))
    for (const personId of shuffle(byRole.get(role)!, random)) {
      const order = shuffle(tables.map((t) => t.id), random)
      order.sort((a, b) => sizes.get(a)! - sizes.get(b)! || ofRole.get(a)! - ofRole.get(b)!)
      const table = order[0]
      seating[personId] = table
      sizes.set(table, sizes.get(table)! + 1)
      ofRole.set(table, ofRole.get(table)! + 1)
    }
  }
  return seating
}

/** The people at each table, in `tables` order; unseated people under null. */
export function peopleByTable<P extends { personId: string }>(
  people: readonly P[],
  tables: readonly TableDef[],
  seatOf: (personId: string) => string | null,
): { table: TableDef | null; people: P[] }[] {
  const groups: { table: TableDef | null; people: P[] }[] = tables.map((table) => ({ table, people: [] }))
  const unseated: P[] = []
  for (const person of people) {
    const seat = seatOf(person.personId)
    const group = groups.find((g) => g.table?.id === seat)
    if (group) group.people.push(person)
    else unseated.push(person)
  }
  return unseated.length > 0 ? [...groups, { table: null, people: unseated }] : groups
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
