import type { en } from './en'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

/** The shape every language's catalogue has: English's keys, each with a string. */
export type Catalogue = Strings<typeof en>
