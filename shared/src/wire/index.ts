// The wire contract between the browser and the server: close codes, API bodies, limits and
// defaults. Both sides import these; neither keeps its own copy.

export * from './api'
export * from './closeCodes'
export * from './errors'
export * from './language'
export * from './limits'
export * from './presence'
