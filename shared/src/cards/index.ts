// Everything about Tavolo's card and zone shapes: props, validators, migrations, labels, meta.

export * from './cardMeta'
export * from './cardTypes'
export * from './contentCard'
export * from './examCard'
export * from './formatCard'
export * from './ideaCard'
export * from './numberFields'
export * from './zone'
