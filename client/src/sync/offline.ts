import { useEffect, useState } from 'react'
import { atom, type Signal } from 'tldraw'
import { recordsArray } from '../../../shared/src/doc/recordsRoot'
import type { BoardConnection } from './boardConnections'
import { listenOnWindow } from '../ui/listenOnWindow'
import { connectionStateOf, type ConnectionState } from './connectionState'

// Working without the server: the board opens from this device's copy (IndexedDB) when the server
// cannot be reached, edits stay in that copy and are merged when the connection returns.

/**
 * Calls `ready` once, when the board is really here: after the server's first sync, or from this
 * device's copy when the server cannot be reached (so an empty doc never stands in for the board).
 * Returns a function that stops waiting.
 */
export function whenBoardIsHere(connection: BoardConnection, ready: () => void): () => void {
  const { doc, provider, local } = connection
  let done = false
  const once = () => {
    if (done) return
    done = true
    ready()
  }
  const fromLocalCopyIfOffline = () => {
    const serverUnreachable = !navigator.onLine || (!provider.wsconnected && provider.wsUnsuccessfulReconnects > 0)
    if (local.synced && serverUnreachable && recordsArray(doc).length > 0) once()
  }
  // y-websocket counts the failed attempt just after emitting 'connection-close'.
  const afterClose = () => queueMicrotask(fromLocalCopyIfOffline)
  const onSync = (synced: boolean) => synced && once()
  if (provider.synced) once()
  provider.on('sync', onSync)
  provider.on('connection-close', afterClose)
  window.addEventListener('offline', fromLocalCopyIfOffline)
  void local.whenSynced.then(fromLocalCopyIfOffline)
  return () => {
    // A late whenSynced after stopping must not call `ready`.
    done = true
    provider.off('sync', onSync)
    provider.off('connection-close', afterClose)
    window.removeEventListener('offline', fromLocalCopyIfOffline)
  }
}

/**
 * When the browser says it is offline the socket cannot be trusted (it may linger half-open), so
 * close it: edits then stay in this device's copy and are merged when the browser is back online.
 */
export function useDisconnectWhileOffline(connection: BoardConnection | null): void {
  useEffect(() => {
    if (!connection) return
    const { provider } = connection
    const onOffline = () => provider.disconnect()
    const onOnline = () => provider.connect()
    if (!navigator.onLine) onOffline()
    return listenOnWindow({ offline: onOffline, online: onOnline })
  }, [connection])
}

function readConnectionState(connection: BoardConnection): ConnectionState {
  return connectionStateOf({
    browserOnline: navigator.onLine,
    socketConnected: connection.provider.wsconnected,
    everConnected: connection.everConnected,
    failedAttempts: connection.provider.wsUnsuccessfulReconnects,
  })
}

/** The connection badge's state, following the provider's status and the browser's online flag. */
export function useConnectionState(connection: BoardConnection): ConnectionState {
  const [state, setState] = useState(() => readConnectionState(connection))
  useEffect(() => {
    const update = () => setState(readConnectionState(connection))
    // y-websocket counts the failed attempt just after emitting 'connection-close'.
    const afterClose = () => queueMicrotask(update)
    update()
    connection.provider.on('status', update)
    connection.provider.on('connection-close', afterClose)
    const stopListening = listenOnWindow({ online: update, offline: update })
    return () => {
      connection.provider.off('status', update)
      connection.provider.off('connection-close', afterClose)
      stopListening()
    }
  }, [connection])
  return state
}

/** The connection as tldraw's own offline indicator reads it. */
export function useOnlineSignal(state: ConnectionState): Signal<'online' | 'offline'> {
  const [$online] = useState(() => atom<'online' | 'offline'>('connection', 'online'))
  useEffect(() => {
    $online.set(state === 'offline' ? 'offline' : 'online')
  }, [$online, state])
  return $online
}
