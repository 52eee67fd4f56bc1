import { type Board, openBoard } from '@roundtable/shared';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly provider: WebsocketProvider;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  destroy(): void;
}

/** The sync endpoint on the server that served this page. */
export function syncUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/**
 * Opens a board over y-websocket. "connected" means synced with the server; until then,
 * and whenever the socket drops, local edits stay in the document and sync on reconnect.
 * A copy in IndexedDB keeps this device's work through a reload while offline.
 */
export function connectBoard(boardId: string): BoardConnection {
  const doc = new Y.Doc();
  const local =
    typeof indexedDB === 'undefined'
      ? null
      : new IndexeddbPersistence(`roundtable:${boardId}`, doc);
  const provider = new WebsocketProvider(syncUrl(), boardId, doc, { disableBc: true });
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let current: ConnectionStatus = 'connecting';
  const set = (next: ConnectionStatus) => {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener(next);
  };
  provider.on('sync', (synced: boolean) => set(synced ? 'connected' : 'connecting'));
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') set('offline');
    else if (status === 'connecting') set(current === 'connected' ? 'offline' : 'connecting');
  });
  // The browser knows at once when Wi-Fi drops; the socket alone would take up to 30 s.
  const goOffline = () => provider.disconnect();
  const goOnline = () => provider.connect();
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  return {
    doc,
    board: openBoard(doc),
    provider,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}
