import type { TLShape } from 'tldraw'
import { newCardMeta } from '../../shared/src/cards/cardMeta'
import { CONTENT_CARD_TYPE, defaultContentCardProps, type ContentCardProps } from '../../shared/src/cards/content/contentCard'

// A content card as a participant's client writes it into a zone (where the palette would put
// it), for tests that write cards themselves: drafts, reveals, level rules.

export type CardShape = TLShape & { meta: Record<string, unknown>; props: Record<string, unknown> }

/** Content card `shape:<key>` inside `zoneId`, made by `createdBy` at time `createdAt`. */
export function contentCardIn(key: string, zoneId: string, createdBy: string, props: Partial<ContentCardProps> = {}, createdAt = 1): CardShape {
  return {
    id: `shape:${key}`,
    typeName: 'shape',
    type: CONTENT_CARD_TYPE,
    x: 24,
    y: 64,
    rotation: 0,
    index: 'a1',
    parentId: zoneId,
    isLocked: false,
    opacity: 1,
    props: { ...defaultContentCardProps(), ...props },
    meta: newCardMeta(createdBy, createdAt),
  } as unknown as CardShape
}
