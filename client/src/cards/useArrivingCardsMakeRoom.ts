import { useEffect } from 'react'
import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { cardThatMakesRoom, overlaps, placeCardInZone, type Rect } from '../../../shared/src/board/cardPlacement'
import { isCardType, readCardMeta, TEMPLATE_AUTHOR, ZONE_TYPE } from '../../../shared/src/cards'
import { childBoxesIn } from './cardPlacement'
import { growZone } from './growZone'

// Cards never land on each other: each person's palette places a new card in free space, but two
// people adding to the same zone at once pick the same free place. When a card arrives from
// someone else on top of another card, the later made of the two moves to the zone's next free
// place (the shared rule; the zone grows if full). Only its maker's client moves it (for cards a
// template or the server made, the facilitator's), so every client agrees and nothing moves twice.
// A card someone drags onto another is their choice and stays.

type Zone = TLShape<typeof ZONE_TYPE>

export function useArrivingCardsMakeRoom(editor: Editor | null, personId: string, isFacilitator: boolean): void {
  useEffect(() => {
    if (!editor) return
    return editor.store.listen(
      ({ changes }) => {
        const arrived = Object.values(changes.added).filter((r): r is TLShape => r.typeName === 'shape' && isCardType(r.type))
        if (arrived.length === 0) return
        // After the remote change is applied, as a change of this person's own.
        queueMicrotask(() => {
          for (const card of arrived) makeRoomAround(editor, card.id, personId, isFacilitator)
        })
      },
      { source: 'remote', scope: 'document' },
    )
  }, [editor, personId, isFacilitator])
}

function makeRoomAround(editor: Editor, id: TLShapeId, personId: string, isFacilitator: boolean): void {
  const card = editor.getShape(id)
  const zone = card && editor.getShape(card.parentId)
  if (!card || zone?.type !== ZONE_TYPE || editor.getIsReadonly()) return
  const siblings = cardsOf(editor, zone as Zone)
  const own = siblings.find((s) => s.id === id)!
  for (const other of siblings) {
    if (other.id === id || !overlaps(own.box, other.box)) continue
    const moving = cardThatMakesRoom(own, other)
    const maker = readCardMeta(moving.shape.meta).createdBy
    const mine = maker === personId || (isFacilitator && (maker === null || maker === TEMPLATE_AUTHOR))
    if (!mine) continue
    const spot = placeCardInZone((zone as Zone).props, siblings.filter((s) => s.id !== moving.id).map((s) => s.box), moving.box)
    editor.run(
      () => {
        growZone(editor, zone as Zone, spot.zoneHeight)
        editor.updateShape({ id: moving.shape.id, type: moving.shape.type, x: spot.x, y: spot.y })
      },
      { history: 'ignore' },
    )
    return
  }
}

function cardsOf(editor: Editor, zone: Zone): { id: string; shape: TLShape; createdAt: number | null; box: Rect }[] {
  return childBoxesIn(editor, zone.id)
    .filter(({ shape }) => isCardType(shape.type))
    .map(({ shape, box }) => ({ id: shape.id, shape, createdAt: readCardMeta(shape.meta).createdAt, box }))
}
