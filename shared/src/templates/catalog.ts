import { blankTemplate } from './blank'
import { coproductionStarTemplate } from './coproductionStar'
import { mscPublicServicesTemplate } from './mscPublicServices'
import type { TemplateSummary } from '../wire/api'
import type { Template } from './template'

/** Every template, in the order the UI lists them. */
export const TEMPLATES: readonly Template[] = [mscPublicServicesTemplate, coproductionStarTemplate, blankTemplate]

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, title, description }) => ({ id, title, description }))
}

export function hasTemplate(id: string): boolean {
  return TEMPLATES.some((t) => t.id === id)
}

/** The template with this id; throws for an unknown id (callers check `hasTemplate` on input). */
export function getTemplate(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id)
  if (!template) throw new Error(`Unknown template "${id}"`)
  return template
}
