import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { AccessRole, PersonRole } from '../../../shared/src/roles'
import { localIdentity } from './identity'

// What this browser remembers between visits, and nothing shared: the name and role I gave on each
// board, and the workshops I created or joined. Who I am is in identity.ts.

export interface BoardProfile {
  name: string
  role: PersonRole
}

export interface RecentWorkshop {
  id: string
  title: string
  secret: string
  accessRole: AccessRole
  openedAt: number
}

interface LocalState {
  lastName: string
  profiles: Record<string, BoardProfile>
  workshops: RecentWorkshop[]
  setProfile(boardId: string, profile: BoardProfile): void
  rememberWorkshop(workshop: Omit<RecentWorkshop, 'openedAt'>): void
  forgetWorkshop(boardId: string): void
}

const MAX_RECENT_WORKSHOPS = 20

export const useLocalStore = create<LocalState>()(
  persist(
    (set) => ({
      lastName: '',
      profiles: {},
      workshops: [],
      setProfile: (boardId, profile) =>
        set((s) => ({ profiles: { ...s.profiles, [boardId]: profile }, lastName: profile.name })),
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
      // Version 1 also held the identity (now identity.ts, which reads it from here once).
      version: 2,
      migrate: (persisted) => {
        // Runs before the old state is overwritten: let identity.ts adopt the id stored here first.
        localIdentity()
        const { personId: _personId, colour: _colour, ...remembered } = persisted as Record<string, unknown>
        return remembered as unknown as LocalState
      },
      storage: createJSONStorage(() => localStorage),
    },
  ),
)
