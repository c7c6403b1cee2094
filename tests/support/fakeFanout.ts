import type { BoardLink, Fanout, FannedRoom } from '../../server/src/fanout/fanout'

/**
 * The other instances, played by a test: the fanout hands the room `link` and keeps the room, so
 * the test can deliver what "another instance" stored (FannedRoom) and see what the room published.
 */
export function testFanout(link: BoardLink): { fanout: Fanout; fanned: () => FannedRoom } {
  let fanned: FannedRoom | null = null
  const fanout: Fanout = {
    join: (room) => {
      fanned = room
      return link
    },
    disconnect: async () => undefined,
    check: async () => undefined,
    close: async () => undefined,
  }
  return {
    fanout,
    fanned: () => {
      if (!fanned) throw new Error('no room joined the test fanout')
      return fanned
    },
  }
}
