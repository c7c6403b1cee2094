import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { AccessRole, PersonRole } from '../../../shared/src/roles'
import { localIdentity } from './identity'

// What this browser remembers between visits, and nothing shared: who I am on each board link
// (the person the server made when I joined through it, and the name and role I gave), and the
// workshops I created or joined. My cursor colour is in identity.ts.

export interface LocalProfile {
  name: string
  role: PersonRole
}

/** Who I am on a board through one link: the server's person id and token, and my name and role. */
export interface BoardMembership extends LocalProfile {
  personId: string
  /** Proves `personId` on the websocket (`p`); a replaced link makes it invalid. */
  token: string
}

/** Memberships are kept per link: another link to the same board is another person (another role). */
export const membershipKey = (boardId: string, secret: string): string => `${boardId}#${secret}`

export interface RecentWorkshop {
  id: string
  title: string
  secret: string
  accessRole: AccessRole
  openedAt: number
}

interface LocalState {
  lastName: string
  memberships: Record<string, BoardMembership>
  workshops: RecentWorkshop[]
  setMembership(boardId: string, secret: string, membership: BoardMembership): void
  /** "Edit me": the same person, with a new name or role. */
  setProfile(boardId: string, secret: string, profile: LocalProfile): void
  rememberWorkshop(workshop: Omit<RecentWorkshop, 'openedAt'>): void
  forgetWorkshop(boardId: string): void
}

const MAX_RECENT_WORKSHOPS = 20

export const useLocalStore = create<LocalState>()(
  persist(
    (set) => ({
      lastName: '',
      memberships: {},
      workshops: [],
      setMembership: (boardId, secret, membership) =>
        set((s) => ({ memberships: { ...s.memberships, [membershipKey(boardId, secret)]: membership }, lastName: membership.name })),
      setProfile: (boardId, secret, profile) =>
        set((s) => {
          const key = membershipKey(boardId, secret)
          const current = s.memberships[key]
          if (!current) return {}
          return { memberships: { ...s.memberships, [key]: { ...current, ...profile } }, lastName: profile.name }
        }),
      rememberWorkshop: (workshop) =>
        set((s) => ({
          workshops: [
            { ...workshop, openedAt: Date.now() },
            ...s.workshops.filter((w) => w.id !== workshop.id),
          ].slice(0, MAX_RECENT_WORKSHOPS),
        })),
      forgetWorkshop: (boardId) => set((s) => ({ workshops: s.workshops.filter((w) => w.id !== boardId) })),
    }),
    {
      name: 'tavolo.local',
      // Version 1 also held the identity (now identity.ts, which reads it from here once); versions
      // 1 and 2 kept a profile per board under a person id this browser made: people join again.
      version: 3,
      migrate: (persisted) => {
        // Runs before the old state is overwritten: let identity.ts adopt the colour stored here first.
        localIdentity()
        const { personId: _personId, colour: _colour, profiles: _profiles, ...remembered } = persisted as Record<string, unknown>
        return { memberships: {}, ...remembered } as unknown as LocalState
      },
      storage: createJSONStorage(() => localStorage),
    },
  ),
)
