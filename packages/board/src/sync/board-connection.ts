import {
  type Board,
  CLOSE_BOARD_CLOSED,
  CLOSE_CHANGE_REFUSED,
  type ClassRequest,
  createId,
  DEVICE_KEY_PATTERN,
  decodeClassReply,
  decodeRefusal,
  encodeClassRequest,
  MESSAGE_CLASS_REQUEST,
  openBoard,
  type Refusal,
  refusal,
} from '@roundtable/shared';
import * as decoding from 'lib0/decoding';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { whenIdle } from '../when-idle';
import { takePrefetchedState } from './prefetch';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly board: Board;
  /** Presence of everyone on the board (this device's own state included). */
  readonly awareness: Awareness;
  /**
   * Resolves once the board's content is in the document: downloaded, synced over the
   * socket, or read from this device's offline copy, whichever comes first.
   */
  readonly loaded: Promise<void>;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Asks the server to pass the pencil, raise a hand…; a refusal comes to `onPencilError`. */
  askPencil(request: ClassRequest): void;
  onPencilError(listener: (error: Refusal) => void): () => void;
  /**
   * The server refused one of this device's changes (pencil, lock, dots; often offline work
   * merged on reconnect); `reason` says why in a student's words. The socket stays closed:
   * Yjs cannot take a change back, so the board must be reopened from the server, keeping
   * this device's unconfirmed work aside first (`offline-merge.ts`), then `resetLocal`.
   */
  onRefused(listener: (reason: Refusal) => void): () => void;
  /** The librarian closed (deleted) this board: `message` is for whoever is here. */
  onBoardClosed(listener: () => void): () => void;
  /** Opens the socket again (after signing in or out, so it carries the session cookie). */
  reconnect(): void;
  /** Forgets this device's offline copy of the board (before reopening it after a refusal). */
  resetLocal(): Promise<void>;
  destroy(): void;
}

/** The sync endpoint on the server that served this page. */
export function syncUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** The board as downloaded over HTTP, before the socket opened (never undone, never sent back). */
const PREFETCH_ORIGIN = Symbol('prefetched board');

/**
 * Opens a board over y-websocket. "connected" means synced with the server; until then,
 * and whenever the socket drops, local edits stay in the document and sync on reconnect.
 * A copy in IndexedDB keeps this device's work through a reload while offline.
 *
 * When the page already started downloading the board (`prefetch.ts`), that state goes into
 * the document before any provider listens to it: the socket then only exchanges what
 * changed since, and the whole board is not encoded again for the providers' listeners.
 * The offline copy then starts once the page is idle (it stores the whole state as it opens).
 */
export function connectBoard(
  boardId: string,
  /** `table` asks to speak for the seats; the server grants it to enrolled tables only. */
  layout: 'table' | 'tablet' = 'tablet',
): BoardConnection {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const localName = `roundtable:${boardId}`;
  let provider: WebsocketProvider | null = null;
  let local: IndexeddbPersistence | null = null;
  let destroyed = false;
  /** The server refused a change: this document may not sync again (the page reopens the board). */
  let refusedChange = false;
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let current: ConnectionStatus = 'connecting';
  const set = (next: ConnectionStatus) => {
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener(next);
  };
  const pencilErrors = new Set<(error: Refusal) => void>();
  const refused = new Set<(reason: Refusal) => void>();
  const boardClosed = new Set<() => void>();
  let markLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => {
    markLoaded = resolve;
  });

  const openLocalCopy = () => {
    if (destroyed || local || typeof indexedDB === 'undefined') return;
    local = new IndexeddbPersistence(localName, doc);
    local.once('synced', markLoaded);
  };

  const openSocket = () => {
    // The device's key proves which tablet this is to the server (its votes, its pencil turns).
    const socket = new WebsocketProvider(syncUrl(), boardId, doc, {
      disableBc: true,
      awareness,
      params: layout === 'table' ? { device: deviceKey(), layout } : { device: deviceKey() },
    });
    socket.on('sync', (synced: boolean) => {
      if (synced) markLoaded();
      set(synced ? 'connected' : 'connecting');
    });
    socket.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') set('offline');
      else if (status === 'connecting') {
        set(current === 'connected' ? 'offline' : 'connecting');
        // Leaving, the socket told the server this presence was gone, at its current clock:
        // the same state again would look like an old echo there. A newer clock says "back".
        const state = awareness.getLocalState();
        if (state !== null) awareness.setLocalState(state);
      }
    });
    socket.messageHandlers[MESSAGE_CLASS_REQUEST] = (_encoder, decoder) => {
      const error = decodeClassReply(decoding.readVarString(decoder));
      if (error) for (const listener of pencilErrors) listener(error);
    };
    socket.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === CLOSE_BOARD_CLOSED) {
        // Gone: no reconnecting (it would find no board), and nothing more to sync.
        socket.shouldConnect = false;
        for (const listener of boardClosed) listener();
        return;
      }
      if (event?.code !== CLOSE_CHANGE_REFUSED) return;
      // y-websocket does not reconnect after a 44xx close; nor may `online` or `reconnect`.
      refusedChange = true;
      socket.shouldConnect = false;
      const reason = decodeRefusal(event.reason);
      for (const listener of refused) listener(reason);
    });
    provider = socket;
  };

  const prefetched = takePrefetchedState(boardId);
  if (prefetched) {
    void prefetched.then((state) => {
      if (destroyed) return;
      if (state) {
        try {
          Y.applyUpdate(doc, state, PREFETCH_ORIGIN);
          markLoaded();
        } catch {
          // Not a board after all: the socket brings it instead.
        }
      }
      openSocket();
      if (state) whenIdle(openLocalCopy);
      else openLocalCopy();
    });
  } else {
    openLocalCopy();
    openSocket();
  }

  // The browser knows at once when Wi-Fi drops; the socket alone would take up to 30 s.
  const goOffline = () => provider?.disconnect();
  const goOnline = () => {
    if (!refusedChange) provider?.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  return {
    doc,
    board: openBoard(doc),
    awareness,
    loaded,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    askPencil(request) {
      if (provider?.ws?.readyState === WebSocket.OPEN)
        provider.ws.send(encodeClassRequest(request));
      else for (const listener of pencilErrors) listener(refusal('notConnected'));
    },
    onPencilError(listener) {
      pencilErrors.add(listener);
      return () => pencilErrors.delete(listener);
    },
    onRefused(listener) {
      refused.add(listener);
      return () => refused.delete(listener);
    },
    onBoardClosed(listener) {
      boardClosed.add(listener);
      return () => boardClosed.delete(listener);
    },
    reconnect() {
      if (refusedChange) return;
      provider?.disconnect();
      provider?.connect();
    },
    async resetLocal() {
      // The copy may not be open yet (it opens once the page is idle): forget it by name.
      if (local) await local.clearData();
      else await clearDocument(localName);
    },
    destroy() {
      destroyed = true;
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider?.destroy();
      void local?.destroy();
      doc.destroy();
    },
  };
}

const DEVICE_KEY = 'roundtable.deviceKey';

/** This device's secret key, made once and kept in the browser; only its hash is on boards. */
export function deviceKey(): string {
  let key = localStorage.getItem(DEVICE_KEY);
  if (!key || !DEVICE_KEY_PATTERN.test(key)) {
    key = createId(32);
    localStorage.setItem(DEVICE_KEY, key);
  }
  return key;
}
