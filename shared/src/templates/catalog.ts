import { catalogues, defaultLanguage, type Language } from '../i18n'
import type { TemplateSummary } from '../wire/api'
import { blankTemplate } from './blank'
import { coproductionStarTemplate } from './coproductionStar'
import { mscPublicServicesTemplate } from './mscPublicServices'
import type { StarterCard, Template, TemplateLayout, TemplateTexts } from './template'

/** Every template, in the order the UI lists them. */
const LAYOUTS: readonly TemplateLayout[] = [mscPublicServicesTemplate, coproductionStarTemplate, blankTemplate]

export const TEMPLATE_IDS: readonly string[] = LAYOUTS.map((t) => t.id)

export function listTemplates(language: Language = defaultLanguage): TemplateSummary[] {
  return LAYOUTS.map(({ id }) => {
    const { title, description } = getTemplate(id, language)
    return { id, title, description }
  })
}

export function hasTemplate(id: string): boolean {
  return LAYOUTS.some((t) => t.id === id)
}

/** The template with this id in `language`; throws for an unknown id (callers check `hasTemplate` on input). */
export function getTemplate(id: string, language: Language = defaultLanguage): Template {
  const layout = LAYOUTS.find((t) => t.id === id)
  if (!layout) throw new Error(`Unknown template "${id}"`)
  const texts: TemplateTexts = (catalogues[language].templates as Record<string, TemplateTexts>)[id]
  return {
    id,
    title: texts.title,
    description: texts.description,
    zones: layout.zones.map((zone) => ({ ...zone, title: texts.zones?.[zone.key] ?? '' })),
    targets: layout.targets,
    rules: layout.rules,
    starterCards: layout.starterCards.map(({ key, ...card }) => ({ ...card, props: { ...card.props, ...texts.cards?.[key] } }) as StarterCard),
  }
}
