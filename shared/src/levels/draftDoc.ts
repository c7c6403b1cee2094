// Private cards live in a document of their own per person, never in the board's: the relay
// serves it on the board's websocket with `?draft=1` and the person's token, to that person only,
// and stores it like a board under `draftDocName`. The facilitator's reveal moves every draft's
// cards into the board's zones (placeCardInZone) and empties the drafts, departed people's too.
// Apart from drafting.ts: the relay and the storage name drafts at start, before the write rules
// (and @tldraw/validate, which drafting.ts's round validator needs) load.

/** The websocket query parameter that asks for one's own draft document instead of the board's. */
export const DRAFT_PARAM = 'draft'

/** The stored name of a person's draft document on a board. */
export function draftDocName(boardId: string, personId: string): string {
  return `${boardId}~draft~${personId}`
}
