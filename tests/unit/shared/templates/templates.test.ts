import { createTLStore, loadSnapshot, type TLRecord, type TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { defaultDocumentRecords } from '../../../../shared/src/doc/defaultRecords'
import { readBoardDoc } from '../../../../shared/src/doc/readBoardDoc'
import { DOC_FORMAT_VERSION, RECORDS_ROOT } from '../../../../shared/src/doc/roots'
import { createTavoloSchema } from '../../../../shared/src/schema'
import { languages } from '../../../../shared/src/i18n'
import {
  TEMPLATE_IDS,
  TEMPLATE_SPACING,
  getTemplate,
  hasTemplate,
  listTemplates,
  mergeTemplateSettings,
  seedBoardDoc,
  templateRecordsForBoard,
  validateTemplate,
  type Template,
} from '../../../../shared/src/templates'

const schema = createTavoloSchema()

function seeded(templateId: string, language?: 'en' | 'it'): Y.Doc {
  const doc = new Y.Doc()
  seedBoardDoc(doc, { title: 'Workshop', templateId, language, at: 1_700_000_000_000 })
  return doc
}

function shapesOf(records: unknown[]): TLShape[] {
  return (records as TLRecord[]).filter((r): r is TLShape => r.typeName === 'shape')
}

describe('template catalogue', () => {
  it('lists the three templates with stable ids', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['msc-public-services', 'coproduction-star', 'blank'])
    for (const info of listTemplates()) {
      expect(Object.keys(info).sort()).toEqual(['description', 'id', 'title'])
      expect(hasTemplate(info.id)).toBe(true)
    }
    expect(hasTemplate('nope')).toBe(false)
    expect(() => getTemplate('nope')).toThrow('Unknown template "nope"')
  })

  it.each(TEMPLATE_IDS.flatMap((id) => languages.map((language) => [id, language] as const)))(
    '%s in %s passes validateTemplate',
    (id, language) => {
      expect(validateTemplate(getTemplate(id, language))).toEqual([])
    },
  )

  it('has every template in Italian: its own words, the same layout', () => {
    // Names of the field that Italian courses keep in English.
    const terms = new Set(['New Public Governance'])
    for (const id of TEMPLATE_IDS) {
      const [en, it] = [getTemplate(id, 'en'), getTemplate(id, 'it')]
      expect(it.title).not.toBe(en.title)
      expect(it.description).not.toBe(en.description)
      expect(it.zones.map(({ title, ...zone }) => zone)).toEqual(en.zones.map(({ title, ...zone }) => zone))
      it.zones.forEach((zone, i) => expect(zone.title).not.toBe(en.zones[i].title))
      expect(it.starterCards.map((c) => [c.zone, c.type])).toEqual(en.starterCards.map((c) => [c.zone, c.type]))
      it.starterCards.forEach((card, i) => {
        for (const [field, text] of Object.entries(card.props)) {
          if (!terms.has(String(text))) expect(text, `${id} card ${i + 1} ${field}`).not.toBe((en.starterCards[i].props as Record<string, unknown>)[field])
        }
      })
    }
    expect(listTemplates('it').map((t) => t.title)).toEqual([
      'Laurea magistrale — Management dei servizi pubblici (≈ 50 h)',
      'Stella della co-produzione',
      'Vuoto',
    ])
  })

  it('has the MSc zones, rules and the six agenda contents', () => {
    const msc = getTemplate('msc-public-services')
    expect(msc.zones.map((z) => z.title)).toEqual(['Contents', 'Lecture formats', 'Exams (ongoing and final)', 'Parking lot (ideas)'])
    expect(msc.targets).toEqual({ totalHours: 50 })
    expect(msc.rules).toEqual(['content-hours-match-target', 'format-hours-match-target', 'exam-weights-total-100'])
    const contents = msc.starterCards.filter((c) => c.type === 'tavolo-content')
    expect(contents.map((c) => (c.props as { title: string }).title)).toEqual([
      'Public Administration, NPM and managerial reforms',
      'Public Governance and network management',
      'New Public Governance',
      'The role of the public (customers, citizens, partners)',
      'Co-production: actors, roles, levels and phases',
      'Public value',
    ])
    for (const card of contents) expect((card.props as { description: string }).description.length).toBeGreaterThan(60)
  })

  it('has one plain-words starter idea in each phase of the Co-production Star', () => {
    const star = getTemplate('coproduction-star')
    expect(star.zones.map((z) => z.title)).toEqual(['Co-commission', 'Co-design', 'Co-deliver', 'Co-assess'])
    expect(star.rules).toEqual([])
    for (const zone of star.zones) {
      expect(zone.accepts).toEqual(['tavolo-idea'])
      expect(star.starterCards.filter((c) => c.zone === zone.key && c.type === 'tavolo-idea')).toHaveLength(1)
    }
  })
})

describe('validateTemplate', () => {
  const base = getTemplate('msc-public-services')
  const broken = (change: Partial<Template>) => validateTemplate({ ...base, ...change })

  it('reports every kind of mistake in plain words', () => {
    expect(broken({ id: 'Bad Id' })).toContain('id "Bad Id" must be lower-case words joined by dashes')
    expect(broken({ title: ' ' })).toContain('title is empty')
    expect(broken({ targets: {} })).toContain('an hours rule needs targets.totalHours')
    expect(broken({ targets: { totalHours: -3 } })).toContain('targets.totalHours must be a positive number of hours in steps of 0.5')
    const [contents, formats] = base.zones
    expect(broken({ zones: [contents, { ...formats, x: 100 }] })).toContain('zone "contents" overlaps zone "formats"')
    expect(broken({ zones: [contents, { ...formats, key: 'contents' }] })).toContain('zone "contents" appears twice')
    expect(broken({ zones: [{ ...contents, w: 100 }] }).some((p) => p.includes('does not fit inside zone "contents"'))).toBe(true)
    expect(broken({ zones: [contents], starterCards: [{ zone: 'exams', type: 'tavolo-exam', props: {} }] })).toContain(
      'starter card 1 (tavolo-exam) is in unknown zone "exams"',
    )
    expect(broken({ starterCards: [{ zone: 'contents', type: 'tavolo-idea', props: { text: 'x' } }] })).toContain(
      'starter card 1 (tavolo-idea) is in zone "contents", which does not accept tavolo-idea',
    )
    const badHours = broken({ starterCards: [{ zone: 'contents', type: 'tavolo-content', props: { hours: 0.3 } }] })
    expect(badHours).toEqual(['starter card 1 (tavolo-content) field "hours": Hours must be a number, 0 or more, in steps of 0.5'])
  })
})

describe('seedBoardDoc', () => {
  it.each(TEMPLATE_IDS.flatMap((id) => languages.map((language) => [id, language] as const)))('seeds %s in %s with schema-valid records only', (templateId, language) => {
    const { records } = readBoardDoc(seeded(templateId, language))
    for (const record of records as TLRecord[]) {
      expect(() => schema.types[record.typeName].validate(record), record.id).not.toThrow()
    }
  })

  it('writes meta, the template session settings, and the default document and page', () => {
    const board = readBoardDoc(seeded('msc-public-services'))
    expect(board.meta).toEqual({
      format: DOC_FORMAT_VERSION,
      title: 'Workshop',
      template: 'msc-public-services',
      schema: schema.serialize(),
    })
    expect(board.session).toEqual({
      targets: { totalHours: 50 },
      rules: getTemplate('msc-public-services').rules,
      criteria: ['Relevance for students', 'Feasibility', 'Balance of theory and practice'],
    })
    const ids = (board.records as TLRecord[]).map((r) => r.id)
    expect(ids.slice(0, 2)).toEqual(['document:document', 'page:page'])
  })

  it('writes the document and page exactly as a fresh tldraw store creates them', () => {
    const store = createTLStore({ schema })
    // What the editor runs on mount to add the default document and page (internal in the types).
    ;(store as unknown as { ensureStoreIsUsable(): void }).ensureStoreIsUsable()
    expect(store.get('page:page' as TLRecord['id'])).toBeTruthy()
    for (const record of defaultDocumentRecords()) expect(store.get(record.id)).toEqual(record)
  })

  it('puts zones on the page and starter cards inside their zone, attributed to the template', () => {
    const msc = getTemplate('msc-public-services')
    const shapes = shapesOf(readBoardDoc(seeded('msc-public-services')).records)
    const zones = shapes.filter((s) => s.type === 'tavolo-zone')
    expect(zones.map((z) => z.parentId)).toEqual(msc.zones.map(() => 'page:page'))
    const contentsZone = zones.find((z) => (z.props as { title: string }).title === 'Contents')!
    const cards = shapes.filter((s) => s.type !== 'tavolo-zone')
    expect(cards).toHaveLength(msc.starterCards.length)
    for (const card of cards) {
      expect(card.parentId).toBe(contentsZone.id)
      const { w, h } = card.props as { w: number; h: number }
      const zone = contentsZone.props as { w: number; h: number }
      expect(card.x >= 0 && card.y >= 0 && card.x + w <= zone.w && card.y + h <= zone.h).toBe(true)
    }
    for (const shape of shapes) expect(shape.meta).toEqual({ createdBy: 'template', createdAt: 1_700_000_000_000, lastEditedBy: 'template', lastEditedAt: 1_700_000_000_000 })
    expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length)
  })

  it('seeds a board made in Italian with the Italian zones, starter cards and rating criteria', () => {
    const board = readBoardDoc(seeded('msc-public-services', 'it'))
    const shapes = shapesOf(board.records)
    const zoneTitles = shapes.filter((s) => s.type === 'tavolo-zone').map((z) => (z.props as { title: string }).title)
    expect(zoneTitles).toEqual(['Contenuti', 'Formati didattici', 'Esami (in itinere e finali)', 'Parcheggio (idee)'])
    const titles = shapes.filter((s) => s.type === 'tavolo-content').map((c) => (c.props as { title: string }).title)
    expect(titles).toContain('Pubblica amministrazione, NPM e riforme manageriali')
    expect(board.session.criteria).toEqual(['Rilevanza per gli studenti', 'Fattibilità', 'Equilibrio tra teoria e pratica'])
    const star = shapesOf(readBoardDoc(seeded('coproduction-star', 'it')).records)
    expect(star.filter((s) => s.type === 'tavolo-zone').map((z) => (z.props as { title: string }).title)).toEqual([
      'Co-programmazione',
      'Co-progettazione',
      'Co-erogazione',
      'Co-valutazione',
    ])
    expect((star.find((s) => s.type === 'tavolo-idea')?.props as { text: string }).text).toMatch(/^Decidere insieme/)
  })

  it('round-trips through a Yjs update, YKeyValue and a tldraw store', () => {
    const doc = seeded('coproduction-star')
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const board = readBoardDoc(copy)
    expect(board).toEqual(readBoardDoc(doc))

    const kv = new YKeyValue<TLRecord>(copy.getArray(RECORDS_ROOT))
    expect([...kv.map.keys()].sort()).toEqual((board.records as TLRecord[]).map((r) => r.id).sort())

    const store = createTLStore({ schema })
    const snapshot = {
      schema: board.meta.schema as ReturnType<typeof schema.serialize>,
      store: Object.fromEntries((board.records as TLRecord[]).map((r) => [r.id, r])),
    }
    loadSnapshot(store, snapshot)
    expect(store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(8)
    expect(store.get('page:page' as TLRecord['id'])).toBeTruthy()
  })

  it('refuses an unknown template and a doc that already has records, writing nothing', () => {
    expect(() => seeded('nope')).toThrow('Unknown template "nope"')
    const doc = seeded('blank')
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => seedBoardDoc(doc, { title: 'Again', templateId: 'coproduction-star' })).toThrow('already has records')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

describe('templateRecordsForBoard', () => {
  it('places the zones on an empty board at the template positions', () => {
    const records = templateRecordsForBoard(getTemplate('coproduction-star'), [], { at: 1 })
    const zones = records.filter((r) => r.type === 'tavolo-zone')
    expect(zones.map((z) => [z.x, z.y])).toEqual(getTemplate('coproduction-star').zones.map((z) => [z.x, z.y]))
  })

  it('places them beside existing content, above it in z-order, with fresh ids', () => {
    const existing = readBoardDoc(seeded('msc-public-services')).records
    const existingShapes = shapesOf(existing)
    const rightEdge = Math.max(...existingShapes.filter((s) => s.parentId === 'page:page').map((s) => s.x + (s.props as { w: number }).w))
    const added = templateRecordsForBoard(getTemplate('msc-public-services'), existing, { at: 2 })
    const addedZones = added.filter((r) => r.type === 'tavolo-zone')
    expect(Math.min(...addedZones.map((z) => z.x))).toBe(rightEdge + TEMPLATE_SPACING)
    const topExisting = existingShapes.filter((s) => s.parentId === 'page:page').map((s) => s.index).sort().at(-1)!
    for (const zone of addedZones) expect(zone.index > topExisting).toBe(true)
    const existingIds = new Set(existingShapes.map((s) => s.id))
    for (const record of added) {
      expect(existingIds.has(record.id)).toBe(false)
      expect(() => schema.types.shape.validate(record)).not.toThrow()
    }
  })

  it('accounts for rotated and nested shapes and ignores corrupt records', () => {
    const rotated = {
      typeName: 'shape', id: 'shape:r', type: 'geo', parentId: 'page:page', index: 'a1',
      x: 0, y: 0, rotation: Math.PI / 2, props: { w: 100, h: 300 }, meta: {},
    }
    const added = templateRecordsForBoard(getTemplate('blank'), [rotated, null, 'x', { typeName: 'shape' }], { at: 3 })
    expect(added).toEqual([])
    const star = templateRecordsForBoard(getTemplate('coproduction-star'), [rotated, null], { at: 3 })
    // Rotated a quarter turn about its top-left corner, the shape spans x from -300 to 0.
    expect(Math.min(...star.filter((r) => r.type === 'tavolo-zone').map((z) => z.x))).toBeCloseTo(TEMPLATE_SPACING)
  })
})

describe('mergeTemplateSettings', () => {
  it('combines rules and keeps a target the facilitator already set', () => {
    const msc = getTemplate('msc-public-services')
    expect(mergeTemplateSettings(undefined, getTemplate('blank'))).toEqual({ targets: {}, rules: [] })
    expect(mergeTemplateSettings({ targets: {}, rules: [] }, msc)).toEqual({ targets: { totalHours: 50 }, rules: msc.rules })
    expect(mergeTemplateSettings({ targets: { totalHours: 60 }, rules: ['exam-weights-total-100'] }, msc)).toEqual({
      targets: { totalHours: 60 },
      rules: msc.rules,
    })
  })
})
