// `node --import ./tests/support/signalHandlersAtReady.mjs …`: when the server hands its ready line
// to the file system (pino writes with fs.write, or fs.writeSync), first writes to stderr how many
// SIGTERM handlers the process has at that instant.
import fs from 'node:fs'

for (const name of ['write', 'writeSync']) {
  const original = fs[name]
  fs[name] = function (fd, data, ...rest) {
    if (String(data).includes('Tavolo is ready')) fs.writeSync.call(fs, 2, `SIGTERM handlers at the ready line: ${process.listenerCount('SIGTERM')}\n`)
    return original.call(this, fd, data, ...rest)
  }
}
