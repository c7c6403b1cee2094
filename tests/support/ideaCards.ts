import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'
import { newCardMeta } from '../../shared/src/cards/cardMeta'
import { IDEA_CARD_TYPE, defaultIdeaCardProps } from '../../shared/src/cards/idea/ideaCard'
import { DEFAULT_PAGE_ID } from '../../shared/src/doc/defaultRecords'
import { readRecords, recordsArray, type RecordEntry } from '../../shared/src/doc/recordsRoot'

// The everyday write of a test that needs "some edit" on a board: an idea card on the page,
// attributed to the person who writes it, which the relay's rules accept from any person.

const keyValues = new WeakMap<Y.Doc, YKeyValue<unknown>>()

const shapeId = (key: string) => `shape:${key}`

/** Writes (or rewrites) idea card `key` with `text` as `personId`. */
export function writeIdea(doc: Y.Doc, personId: string, key: string, text: string): void {
  let records = keyValues.get(doc)
  if (!records) keyValues.set(doc, (records = new YKeyValue(recordsArray(doc) as unknown as Y.Array<RecordEntry & { val: unknown }>)))
  records.set(shapeId(key), {
    id: shapeId(key),
    typeName: 'shape',
    type: IDEA_CARD_TYPE,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: DEFAULT_PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: { ...defaultIdeaCardProps(), text },
    meta: newCardMeta(personId, 0),
  })
}

/** Every idea card's text by key, as `doc` holds them now. */
export function ideaTexts(doc: Y.Doc): Record<string, string> {
  const texts: Record<string, string> = {}
  for (const record of readRecords(doc) as Array<{ id: string; type?: string; props?: { text?: string } }>) {
    if (record.type === IDEA_CARD_TYPE && record.id.startsWith('shape:')) texts[record.id.slice('shape:'.length)] = record.props?.text ?? ''
  }
  return texts
}
