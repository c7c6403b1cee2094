// Cursor and people-list colours: distinct, picked once per browser, each dark enough for white
// name tags and initials (contrast 4.5:1 or more, WCAG AA).
export const PERSON_COLOURS = ['#c92a2a', '#1864ab', '#087f5b', '#a84300', '#9c36b5', '#0b7285', '#c2255c', '#4d7c0f'] as const

export function randomPersonColour(): string {
  return PERSON_COLOURS[Math.floor(Math.random() * PERSON_COLOURS.length)]
}
