// Everything about Tavolo's card and zone shapes. One folder per shape type (content/, format/,
// exam/, idea/, zone/) holds its props, validators, migrations, defaults and the fields the card
// shows, with its tests; the files beside them are what every card shares. All pure TypeScript,
// so the server validates and migrates with the same objects; the client's views are in
// client/src/shapes/ (one card view for every card type, and the zone).

export * from './cardFields'
export * from './cardMeta'
export * from './cardTypes'
export * from './content/contentCard'
export * from './exam/examCard'
export * from './format/formatCard'
export * from './idea/ideaCard'
export * from './numberFields'
export * from './zone/zone'
