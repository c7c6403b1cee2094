import { CARD_DEFINITIONS, isCardType } from '../cards/cardTypes'
import { isValidHours } from '../cards/numberFields'
import { TEMPLATE_RULES, type Template, type TemplateZone } from './template'
import { starterCardPosition, starterCardProps } from './templateRecords'

// Checks a template data file before it can reach a board: every problem in plain words, so a
// new template fails its unit test with a message that says what to fix. [] means valid.

const TEMPLATE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/

export function validateTemplate(template: Template): string[] {
  const problems: string[] = []
  if (!TEMPLATE_ID.test(template.id)) problems.push(`id "${template.id}" must be lower-case words joined by dashes`)
  if (template.title.trim() === '') problems.push('title is empty')
  if (template.description.trim() === '') problems.push('description is empty')
  problems.push(...zoneProblems(template.zones))
  problems.push(...ruleProblems(template))
  problems.push(...starterCardProblems(template))
  return problems
}

function zoneProblems(zones: TemplateZone[]): string[] {
  const problems: string[] = []
  const keys = new Set<string>()
  zones.forEach((zone, i) => {
    const name = `zone "${zone.key}"`
    if (keys.has(zone.key)) problems.push(`${name} appears twice`)
    keys.add(zone.key)
    if (zone.title.trim() === '') problems.push(`${name} has no title`)
    if (![zone.x, zone.y].every(Number.isFinite)) problems.push(`${name} has no valid position`)
    if (![zone.w, zone.h].every((n) => Number.isFinite(n) && n > 0)) problems.push(`${name} needs a positive size`)
    for (const type of zone.accepts) {
      if (!isCardType(type)) problems.push(`${name} accepts unknown card type "${type}"`)
    }
    for (const other of zones.slice(i + 1)) {
      if (overlap(zone, other)) problems.push(`${name} overlaps zone "${other.key}"`)
    }
  })
  return problems
}

function overlap(a: TemplateZone, b: TemplateZone): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function ruleProblems(template: Template): string[] {
  const problems: string[] = []
  for (const rule of template.rules) {
    if (!(TEMPLATE_RULES as readonly string[]).includes(rule)) problems.push(`unknown rule "${rule}"`)
  }
  const needsHours = template.rules.some((r) => r === 'content-hours-match-target' || r === 'format-hours-match-target')
  const { totalHours } = template.targets
  if (totalHours !== undefined && !(isValidHours(totalHours) && totalHours > 0)) {
    problems.push('targets.totalHours must be a positive number of hours in steps of 0.5')
  } else if (needsHours && totalHours === undefined) {
    problems.push('an hours rule needs targets.totalHours')
  }
  return problems
}

function starterCardProblems(template: Template): string[] {
  const problems: string[] = []
  const order = new Map<string, number>()
  template.starterCards.forEach((card, i) => {
    const name = `starter card ${i + 1} (${card.type})`
    const zone = template.zones.find((z) => z.key === card.zone)
    if (!zone) return problems.push(`${name} is in unknown zone "${card.zone}"`)
    if (zone.accepts.length > 0 && !zone.accepts.includes(card.type)) {
      problems.push(`${name} is in zone "${zone.key}", which does not accept ${card.type}`)
    }
    const props = starterCardProps(card)
    const validators: Record<string, { validate: (value: unknown) => unknown }> = CARD_DEFINITIONS[card.type].props
    for (const [field, value] of Object.entries(props)) {
      const validator = validators[field]
      if (!validator) problems.push(`${name} has unknown field "${field}"`)
      else problems.push(...validationProblem(`${name} field "${field}"`, () => validator.validate(value)))
    }
    const position = starterCardPosition(zone, order.get(zone.key) ?? 0, props)
    order.set(zone.key, (order.get(zone.key) ?? 0) + 1)
    if (position.x + props.w > zone.w || position.y + props.h > zone.h) {
      problems.push(`${name} does not fit inside zone "${zone.key}": make the zone larger`)
    }
  })
  return problems
}

function validationProblem(what: string, validate: () => unknown): string[] {
  try {
    validate()
    return []
  } catch (error) {
    return [`${what}: ${error instanceof Error ? error.message : String(error)}`]
  }
}
