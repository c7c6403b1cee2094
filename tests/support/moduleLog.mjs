// `node --import ./tests/support/moduleLog.mjs …` appends the URL of every ES module the process
// loads (the server bundle's lazy chunks included) to the file named by $TAVOLO_MODULE_LOG.
import fs from 'node:fs'
import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'

// This same file serves as the loader hooks, which Node runs on a thread of their own.
if (isMainThread) register(import.meta.url, { data: process.env.TAVOLO_MODULE_LOG })

let logFile

export function initialize(file) {
  logFile = file
}

export async function load(url, context, nextLoad) {
  fs.appendFileSync(logFile, `${url}\n`)
  return nextLoad(url, context)
}
