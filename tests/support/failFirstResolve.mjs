// `node --import ./tests/support/failFirstResolve.mjs …` makes the first import of each file named
// in $TAVOLO_FAIL_FIRST_RESOLVE (comma-separated base names, e.g. the server bundle's lazy chunks)
// fail as a missing file does; later imports of it resolve as usual.
import { register } from 'node:module'
import { isMainThread } from 'node:worker_threads'

// This same file serves as the loader hooks, which Node runs on a thread of their own.
if (isMainThread) register(import.meta.url, { data: process.env.TAVOLO_FAIL_FIRST_RESOLVE })

let failing = new Set()

export function initialize(names) {
  failing = new Set((names ?? '').split(',').filter(Boolean))
}

export async function resolve(specifier, context, nextResolve) {
  const name = specifier.slice(specifier.lastIndexOf('/') + 1)
  if (failing.delete(name)) {
    throw Object.assign(new Error(`Cannot find module '${specifier}' (failing its first import on purpose)`), { code: 'ERR_MODULE_NOT_FOUND' })
  }
  return nextResolve(specifier, context)
}
