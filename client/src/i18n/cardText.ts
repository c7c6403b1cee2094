import type { ParseKeys, TFunction } from 'i18next'
import { formatNumber } from '../../../shared/src/i18n'
import type { CardField, CardWords } from '../../../shared/src/cards'

// Card types, fields and choices in the UI's language: the catalogue has each by type and key
// (cardTypes, cardFields, cardOptions). The English labels of the shared definitions' fields and
// options remain only as the fallback for a key the catalogue lacks (and describeCard's default).

const key = (k: string) => k as ParseKeys

export function cardTypeName(t: TFunction, type: string): string {
  return t(key(`cardTypes.${type}`), { defaultValue: type })
}

/** Labels and values of one card type's fields, for the card view, its form and screen readers. */
export function cardWords(t: TFunction, language: string, type: string): CardWords & { option(field: CardField, value: string, fallback: string): string } {
  const option = (field: CardField, value: string, fallback: string) => t(key(`cardOptions.${field.key}_${value}`), { defaultValue: fallback })
  return {
    label: (field) => t(key(`cardFields.${type}_${field.key}`), { defaultValue: field.label }),
    option,
    value: (field, value) => {
      switch (field.kind) {
        case 'number':
          return typeof value === 'number' && Number.isFinite(value) ? `${formatNumber(language, value)} ${field.unit}` : ''
        case 'choice': {
          const found = field.options.find((o) => o.value === value)
          return found ? option(field, found.value, found.label) : ''
        }
        default:
          return typeof value === 'string' ? value.trim() : ''
      }
    },
  }
}
