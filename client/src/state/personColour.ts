// Cursor and people-list colours: distinct, readable on a white canvas, picked once per browser.
export const PERSON_COLOURS = ['#e03131', '#1971c2', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599', '#c2255c', '#5c940d'] as const

export function randomPersonColour(): string {
  return PERSON_COLOURS[Math.floor(Math.random() * PERSON_COLOURS.length)]
}
