import type { en } from './en'

/** i18next's plural suffixes (from Intl.PluralRules) that English never uses but other languages may. */
type ExtraPluralForm = 'zero' | 'two' | 'few' | 'many'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> } & {
  // A counted string (English `x_one`, `x_other`) may have the forms another language needs, such
  // as Italian's `x_many` for a million; tests/unit/shared/i18n/catalogues.test.ts requires them.
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${ExtraPluralForm}` : never]?: string
}

/** The shape every language's catalogue has: English's keys, each with a string. */
export type Catalogue = Strings<typeof en>
