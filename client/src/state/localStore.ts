import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { AccessRole, PersonRole } from '../../../shared/src/roles'
import { randomId } from './randomId'
import { randomPersonColour } from './personColour'

// What this browser remembers, and nothing shared: who I am (a stable id and colour), the name and
// role I gave on each board, and the workshops I created or joined. Panels open/closed are UI only.

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
  personId: string
  colour: string
  lastName: string
  profiles: Record<string, BoardProfile>
  workshops: RecentWorkshop[]
  shareOpen: boolean
  editingMe: boolean
  setProfile(boardId: string, profile: BoardProfile): void
  rememberWorkshop(workshop: Omit<RecentWorkshop, 'openedAt'>): void
  forgetWorkshop(boardId: string): void
  setShareOpen(open: boolean): void
  setEditingMe(editing: boolean): void
}

const MAX_RECENT_WORKSHOPS = 20

export const useLocalStore = create<LocalState>()(
  persist(
    (set) => ({
      personId: randomId(),
      colour: randomPersonColour(),
      lastName: '',
      profiles: {},
      workshops: [],
      shareOpen: false,
      editingMe: false,
      setProfile: (boardId, profile) =>
        set((s) => ({ profiles: { ...s.profiles, [boardId]: profile }, lastName: profile.name, editingMe: false })),
      rememberWorkshop: (workshop) =>
        set((s) => ({
          workshops: [
            { ...workshop, openedAt: Date.now() },
            ...s.workshops.filter((w) => w.id !== workshop.id),
          ].slice(0, MAX_RECENT_WORKSHOPS),
        })),
      forgetWorkshop: (boardId) => set((s) => ({ workshops: s.workshops.filter((w) => w.id !== boardId) })),
      setShareOpen: (shareOpen) => set({ shareOpen }),
      setEditingMe: (editingMe) => set({ editingMe }),
    }),
    {
      name: 'tavolo.local',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        personId: s.personId,
        colour: s.colour,
        lastName: s.lastName,
        profiles: s.profiles,
        workshops: s.workshops,
      }),
    },
  ),
)
