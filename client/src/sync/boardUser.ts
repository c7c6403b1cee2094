import { computed, createTLCurrentUser, type Signal, type TLCurrentUser } from 'tldraw'
import type { PresencePerson } from '../../../shared/src/wire/presencePerson'

/**
 * The editor's current user, with the board person's id, name and colour: then
 * `editor.user.getRecordId()` equals the `userId` of this person's presence, so tldraw leaves
 * their own cursor out of the collaborators and following works by person. Other preferences
 * (dark mode, snapping…) stay tldraw's own, kept in this browser.
 */
export function createBoardUser($person: Signal<PresencePerson>): TLCurrentUser {
  const local = createTLCurrentUser()
  const withPerson = computed('board user preferences', () => {
    const person = $person.get()
    return { ...local.userPreferences.get(), id: person.id, name: person.name, color: person.colour }
  })
  return createTLCurrentUser({
    userPreferences: withPerson,
    setUserPreferences: (preferences) => {
      const { id, name, color } = local.userPreferences.get()
      local.setUserPreferences({ ...preferences, id, name, color })
    },
  })
}
