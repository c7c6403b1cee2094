// `npm start`: builds the server bundle if needed, then runs it in this same process.
import { pathToFileURL } from 'node:url'
import { SERVER_BUNDLE, ensureServerBuilt } from './serverBuild.mjs'

await ensureServerBuilt()
await import(pathToFileURL(SERVER_BUNDLE).href)
