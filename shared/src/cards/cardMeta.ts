import type { JsonObject } from '@tldraw/utils'
import { isObject } from '../board/shapeLike'

// Attribution lives in each card's `meta`: it outlives awareness, so the summary and the exports
// can say who shaped what long after people leave.

/** `createdBy` of cards that a template seeded rather than a person. */
export const TEMPLATE_AUTHOR = 'template'

// A type alias (not an interface) so it is assignable to tldraw's JsonObject meta.
export type CardMeta = {
  /** Person id (a key of the `people` map), or TEMPLATE_AUTHOR. */
  createdBy: string
  /** Milliseconds since the epoch. */
  createdAt: number
  lastEditedBy: string
  lastEditedAt: number
}

/** What a stored meta says, with anything missing or malformed (older or foreign boards) as null. */
export interface StoredCardMeta {
  createdBy: string | null
  createdAt: number | null
  lastEditedBy: string | null
  lastEditedAt: number | null
}

export function newCardMeta(personId: string, at: number): CardMeta {
  return { createdBy: personId, createdAt: at, lastEditedBy: personId, lastEditedAt: at }
}

/** The meta after `personId` edits a card: keeps everything else in `meta`, creator included. */
export function editedCardMeta(meta: unknown, personId: string, at: number): JsonObject {
  const previous = isObject(meta) ? meta : {}
  return { ...(previous as JsonObject), lastEditedBy: personId, lastEditedAt: at }
}

export function readCardMeta(meta: unknown): StoredCardMeta {
  const value = isObject(meta) ? meta : {}
  return {
    createdBy: nonEmptyString(value.createdBy),
    createdAt: finiteNumber(value.createdAt),
    lastEditedBy: nonEmptyString(value.lastEditedBy),
    lastEditedAt: finiteNumber(value.lastEditedAt),
  }
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}
