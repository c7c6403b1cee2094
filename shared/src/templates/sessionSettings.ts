import { TEMPLATE_RULES, type Template, type TemplateRule, type TemplateTargets } from './template'

/** What a template puts in a board's `session` map: its targets and the rules to check. */
export interface TemplateSessionSettings {
  targets: TemplateTargets
  rules: TemplateRule[]
}

/**
 * The session settings after adding `template` to a board that already has `current` ones:
 * rules are combined, and a target already set on the board (maybe edited) is kept.
 */
export function mergeTemplateSettings(
  current: Partial<TemplateSessionSettings> | undefined,
  template: Template,
): TemplateSessionSettings {
  const rules = new Set<TemplateRule>([...(current?.rules ?? []), ...template.rules])
  return {
    targets: { ...template.targets, ...current?.targets },
    rules: TEMPLATE_RULES.filter((rule) => rules.has(rule)),
  }
}
