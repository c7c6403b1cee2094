import { Refused, type RelayRule } from '../hooks'
import { CLOSE_FORBIDDEN_WRITE } from '../../../../shared/src/wire/closeCodes'

/** A board's stored document stays under MAX_BOARD_BYTES: an update that would pass it is refused. */
export function boardSize(maxBoardBytes: number): RelayRule {
  return {
    name: 'board-size',
    beforeHandleUpdate({ room, update }) {
      if (room.storedBytes + update.byteLength <= maxBoardBytes) return
      throw new Refused('board-size', `the board is full: its stored document would pass ${maxBoardBytes} bytes`, CLOSE_FORBIDDEN_WRITE)
    },
  }
}
