// A process that loads or creates the server key of `count` data folders under `root`, as fast as
// it can, once `root/go` exists: several at once race to create each key (secrets.test.ts).
import fs from 'node:fs'
import path from 'node:path'
import { loadOrCreateServerKey } from '../../server/src/access/serverKey'

const [root, count] = [process.argv[2], Number(process.argv[3])]
process.stdout.write('ready\n')
while (!fs.existsSync(path.join(root, 'go')));
const keys = Array.from({ length: count }, (_, i) => {
  try {
    return loadOrCreateServerKey(path.join(root, `d${i}`)).toString('hex')
  } catch (error) {
    return `failed: ${(error as Error).message}`
  }
})
process.stdout.write(JSON.stringify(keys))
