import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTavoloServer, type ReadinessCheck, type TavoloServer } from '../../server/src/app'
import { readConfig, type TavoloConfig } from '../../server/src/config'
import type { Logger } from '../../server/src/log'
import type { BoardStorage } from '../../server/src/storage/storage'
import type { CreatedBoard, NewBoardRequest } from '../../shared/src/wire/api'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const START_SCRIPT = 'server/scripts/start.mjs'
const READY_LINE = /Tavolo is ready on port (\d+)/
const START_TIMEOUT_MS = 30_000

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port>/ws — the serverUrl for a WebsocketProvider (room name = board id). */
  wsUrl: string
  port: number
  dataDir: string
  /** Everything the process printed on stdout and stderr so far, across restarts. */
  output(): string
  /** SIGTERM and wait for exit; removes the data folder if this helper created it. */
  stop(): Promise<void>
  /** SIGKILL and wait for exit; keeps the data folder. */
  kill(): Promise<void>
  /** Stops (if running) and starts again on the same port and data folder. */
  restart(): Promise<void>
}

export function makeTempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-test-'))
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/**
 * Starts the real server as `npm start` does (the compiled bundle, built first when stale) as a child process on a free port with a
 * temporary data folder. SKIP_CLIENT_BUILD=1 is set unless `env` overrides it: tests that need
 * the client build it once beforehand.
 */
export async function startServerProcess(opts: { dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  const ownsDataDir = opts.dataDir === undefined
  const dataDir = opts.dataDir ?? makeTempDataDir()
  let output = ''
  let port = 0
  let child: ChildProcess | null = null

  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // What `npm start` runs (without npm's own process, which a SIGKILL would leave behind).
      const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), START_SCRIPT], {
        cwd: REPO_ROOT,
        env: { ...process.env, HOST: '127.0.0.1', SKIP_CLIENT_BUILD: '1', ...opts.env, PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = proc
      const timer = setTimeout(() => {
        proc.kill('SIGKILL')
        reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`))
      }, START_TIMEOUT_MS)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const ready = READY_LINE.exec(output.slice(-4096))
        if (ready && port === 0) port = Number(ready[1])
        if (ready) {
          clearTimeout(timer)
          resolve()
        }
      }
      proc.stdout!.on('data', onData)
      proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      proc.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`))
      })
    })

  const signal = async (name: NodeJS.Signals) => {
    const running = child
    if (!running) return
    child = null
    running.kill(name)
    await waitForExit(running)
  }

  await launch()
  // Later launches reuse the port so that clients reconnect to the same URL.
  const firstPort = port
  return {
    url: `http://127.0.0.1:${firstPort}`,
    wsUrl: `ws://127.0.0.1:${firstPort}/ws`,
    port: firstPort,
    dataDir,
    output: () => output,
    async stop() {
      await signal('SIGTERM')
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
    kill: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGTERM')
      output += '\n--- restart ---\n'
      await launch()
    },
  }
}

export interface InProcessServer {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  server: TavoloServer
  config: TavoloConfig
  /** Lines the server logged, for assertions on what it says (and never says). */
  logs: string[]
  /** Closes the server; removes the data folder if this helper created it. */
  stop(): Promise<void>
}

/** The server in this process on a free port: fast, and its stats are at hand. */
export async function startInProcessServer(
  opts: { dataDir?: string; config?: Partial<TavoloConfig>; storage?: BoardStorage; clientDir?: string; readinessChecks?: ReadinessCheck[] } = {},
): Promise<InProcessServer> {
  const ownsDataDir = opts.dataDir === undefined
  const dataDir = opts.dataDir ?? makeTempDataDir()
  const config: TavoloConfig = { ...readConfig({}), host: '127.0.0.1', port: 0, dataDir, ...opts.config }
  const logs: string[] = []
  const logger: Logger = {
    info: (line) => logs.push(`info ${line}`),
    warn: (line) => logs.push(`warn ${line}`),
    error: (line) => logs.push(`error ${line}`),
  }
  const server = await createTavoloServer(config, { logger, storage: opts.storage, clientDir: opts.clientDir, readinessChecks: opts.readinessChecks })
  return {
    url: server.url,
    wsUrl: `ws://127.0.0.1:${server.port}/ws`,
    port: server.port,
    dataDir,
    server,
    config,
    logs,
    async stop() {
      await server.close()
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** POST /api/boards; throws with the server's error unless it answers 201. */
export async function createBoardViaApi(url: string, body?: NewBoardRequest): Promise<CreatedBoard> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json()
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${JSON.stringify(json)}`)
  return json as CreatedBoard
}

/** POST /api/boards/:id/people; throws with the server's error unless it answers 201. */
export async function joinBoardViaApi(
  url: string,
  boardId: string,
  secret: string,
  body: { name: string; role: string } = { name: 'Ada', role: 'professional' },
): Promise<{ personId: string; token: string }> {
  const res = await fetch(`${url}/api/boards/${boardId}/people`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  })
  const json = await res.json()
  if (res.status !== 201) throw new Error(`POST /api/boards/${boardId}/people answered ${res.status}: ${JSON.stringify(json)}`)
  return json as { personId: string; token: string }
}
