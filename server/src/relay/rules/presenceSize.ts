import { Refused, type RelayRule } from '../hooks'
import { CLOSE_MESSAGE_TOO_BIG } from '../../../../shared/src/wire/closeCodes'

/** One presence state is at most MAX_PRESENCE_BYTES: a cursor and a name, never a payload for everyone. */
export function presenceSize(maxPresenceBytes: number): RelayRule {
  return {
    name: 'presence-size',
    beforeHandleAwareness({ entries }) {
      for (const { json } of entries) {
        const bytes = Buffer.byteLength(json)
        if (bytes > maxPresenceBytes) {
          throw new Refused('presence-size', `a presence state of ${bytes} bytes is over the ${maxPresenceBytes} byte limit`, CLOSE_MESSAGE_TOO_BIG)
        }
      }
    },
  }
}
