// Hocuspocus 2.15 with its SQLite extension, as its docs set it up: the bench's second peer.
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'

Server.configure({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.DATABASE_FILE })],
})
await Server.listen()
console.log('ready')
