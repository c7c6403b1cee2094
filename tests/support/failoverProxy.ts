import net from 'node:net'

export interface FailoverProxy {
  /** ws://127.0.0.1:<port>/ws */
  wsUrl: string
  close(): Promise<void>
}

/**
 * The simplest load balancer: a TCP proxy on a free loopback port that sends each new
 * connection to the first of `ports` that accepts it. When an instance dies, its clients'
 * reconnections reach the next one.
 */
export async function startFailoverProxy(ports: readonly number[]): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const connectFirst = (index: number, client: net.Socket) => {
    if (index >= ports.length || client.destroyed) return client.destroy()
    const upstream = net.connect(ports[index], '127.0.0.1')
    upstream.once('error', () => {
      upstream.destroy()
      connectFirst(index + 1, client)
    })
    upstream.once('connect', () => {
      track(upstream)
      client.pipe(upstream).pipe(client)
      client.resume()
      upstream.on('close', () => client.destroy())
      client.on('close', () => upstream.destroy())
    })
  }
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client)
    connectFirst(0, client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
