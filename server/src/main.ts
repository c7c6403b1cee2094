import os from 'node:os'
import { createTavoloServer } from './app'
import { ensureClientBuilt } from './clientBuild'
import { readConfig, settingsHelp } from './config'
import { createJsonLogger } from './log'

/** The addresses laptops on the venue's network can reach this machine at. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address)
}

async function main(): Promise<void> {
  const config = readConfig()
  const logger = createJsonLogger(config.logLevel)
  if (!config.skipClientBuild) ensureClientBuilt(undefined, (line) => logger.info(line))
  const server = await createTavoloServer(config, { logger })
  // Before the ready line: a supervisor may stop the server as soon as it reads it, and a signal
  // with no handler yet would end the process without storing anything.
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info(`${signal}: storing the boards and shutting down`)
    server.close().then(
      () => {
        logger.info('every board is stored: stopped')
        process.exit(0)
      },
      (error) => {
        logger.error(`shutdown failed: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  const everywhere = config.host === '0.0.0.0' || config.host === '::'
  logger.info(`Tavolo is ready on port ${server.port} (data in ${config.dataDir})`)
  logger.info(`On this computer: ${server.url}/`)
  if (everywhere) for (const address of lanAddresses()) logger.info(`On the network: http://${address}:${server.port}/`)
}

if (process.argv.includes('--help')) {
  console.log(settingsHelp())
  process.exit(0)
}

main().catch((error) => {
  console.error(`Tavolo could not start: ${(error as Error).message}`)
  process.exit(1)
})
