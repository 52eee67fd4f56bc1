import {
  addStroke,
  type Board,
  type ClassRequest,
  deviceKeyHash,
  joinAsTablet,
  localOrigin,
  MESSAGE_CLASS_REQUEST,
  openBoard,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface SyncClient {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/**
 * A stock y-websocket provider, exactly as the board uses it, against `ws://…/ws/<boardId>`;
 * with `cookie`, its socket carries that Cookie header (the librarian's session); with
 * `deviceKey`, it connects as the board app does, with the device's secret key.
 */
export async function connectClient(
  baseUrl: string,
  boardId: string,
  {
    cookie,
    deviceKey,
    table = false,
  }: {
    cookie?: string;
    deviceKey?: string;
    /** Opens as the table layout does (`?layout=table`): the table, if the server agrees. */
    table?: boolean;
  } = {},
): Promise<SyncClient> {
  const doc = new Y.Doc();
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: {
      ...(deviceKey ? { device: deviceKey } : {}),
      ...(table ? { layout: 'table' } : {}),
    },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client for ${boardId} did not sync`)), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    board: openBoard(doc),
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes (throws its last error after `timeoutMs`). */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * A barrier instead of a sleep: resolves once the server has answered a sync step 1 from
 * `c`. The server handles every message before it relays or answers the next one, stores
 * and relays what it accepted before it answers a step 1, and a socket delivers in order: so
 * whatever the server did with any message it saw before this one (another device's refused
 * change too) has reached `c` by then, and the answer itself carries all the board has that
 * `c` lacks. An absence asserted after this is a fact, not a guess about timing.
 */
export function syncRoundTrip(c: SyncClient): Promise<void> {
  const ws = c.provider.ws as unknown as WebSocket | null;
  if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('the client is not connected');
  return new Promise((resolve, reject) => {
    const onMessage = (event: { data: unknown }) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      done();
      // The provider's own listener came first and has applied the answer.
      resolve();
    };
    const onClose = () => {
      done();
      reject(new Error('the socket closed before the server answered'));
    };
    const done = () => {
      ws.removeEventListener('message', onMessage);
      ws.removeEventListener('close', onClose);
    };
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', onClose);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, c.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}

export interface RawClient {
  readonly ws: WebSocket;
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
}

/** A bare WebSocket that ignores the UI and speaks whatever bytes a test gives it. */
export async function connectRaw(baseUrl: string, path: string): Promise<RawClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return {
    ws,
    received,
    closed,
    send: (bytes) => ws.send(bytes),
  };
}

/** The HTTP status a refused upgrade answers with (the upgrade must not succeed). */
export function upgradeStatus(baseUrl: string, path: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${baseUrl.replace(/^http/, 'ws')}${path}`,
      cookie ? { headers: { cookie } } : {},
    );
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error(`upgrade to ${path} succeeded`));
    });
    ws.on('error', () => {});
  });
}

/** A sync-protocol "update" message carrying `update`, as a client sends it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness message publishing `state` as awareness client `clientId`, as a client sends it. */
export function awarenessMessage(clientId: number, state: Record<string, unknown>) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]),
  );
  awareness.destroy();
  return encoding.toUint8Array(encoder);
}

/** The update a change makes to a fresh doc that has first caught up with `base`. */
export function updateFrom(base: Y.Doc | null, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Draws a small finished stroke from `author`, as the board's pen tool commits it. */
export function drawStroke(c: SyncClient, author = 'seat-1', x = 100) {
  return runCommand(
    c.board,
    addStroke,
    {
      authorId: author,
      tool: 'pen',
      color: '#1f2a44',
      width: 4,
      points: [
        { x, y: 100 },
        { x: x + 20, y: 130 },
        { x: x + 45, y: 140 },
      ],
    },
    localOrigin(author),
  );
}

/**
 * A device that also talks to the server about running the class: `ask` sends a pencil or
 * board-control request, `replies` collects the server's refusals, `closed` the close code.
 */
export async function connectDevice(
  baseUrl: string,
  boardId: string,
  {
    cookie,
    user,
    deviceKey,
  }: { cookie?: string; user?: { kind: 'table' | 'tablet'; id: string }; deviceKey?: string } = {},
) {
  const client = await connectClient(baseUrl, boardId, {
    cookie,
    deviceKey,
    table: user?.kind === 'table',
  });
  if (user) {
    client.provider.awareness.setLocalStateField('user', {
      ...user,
      name: user.id,
      color: '#1971c2',
    });
  }
  const ws = client.provider.ws as unknown as WebSocket;
  const closed = new Promise<number>((resolve) =>
    ws.addEventListener('close', (e) => resolve(e.code)),
  );
  const replies: string[] = [];
  ws.addEventListener('message', (event) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    if (decoding.readVarUint(decoder) === MESSAGE_CLASS_REQUEST)
      replies.push(decoding.readVarString(decoder));
  });
  const ask = (request: ClassRequest) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_CLASS_REQUEST);
    encoding.writeVarString(encoder, JSON.stringify(request));
    ws.send(encoding.toUint8Array(encoder));
  };
  return { client, closed, replies, ask };
}

/** Mia's tablet's secret key (the board app keeps one per browser). */
export const MIA_KEY = 'mia-tablet-key-0000000001';

/**
 * A table with two seats and a tablet "mia" that has joined, both on `boardId`. Once a PIN
 * is set, the table must be an enrolled one: pass its `rt_table` cookie.
 */
export async function tableAndTablet(
  baseUrl: string,
  boardId: string,
  { tableCookie }: { tableCookie?: string } = {},
) {
  const table = await connectDevice(baseUrl, boardId, {
    cookie: tableCookie,
    user: { kind: 'table', id: 'table-1' },
  });
  runCommand(table.client.board, setDefaultSeats, 2, localOrigin('table-1'));
  const mia = await connectDevice(baseUrl, boardId, {
    user: { kind: 'tablet', id: 'mia' },
    deviceKey: MIA_KEY,
  });
  runCommand(
    mia.client.board,
    joinAsTablet,
    { id: 'mia', name: 'Mia', color: '#9c36b5', keyHash: deviceKeyHash(MIA_KEY) },
    localOrigin('mia'),
  );
  await eventually(() => {
    if (!table.client.board.participants.has('mia')) throw new Error('Mia has not joined yet');
  });
  return { table, mia };
}

/**
 * Opens a new board the way a librarian does (a signed-in socket): once a PIN is set, only
 * the librarian starts boards, and students join boards that exist.
 */
export async function startBoardAsLibrarian(baseUrl: string, boardId: string, cookie: string) {
  const opener = await connectClient(baseUrl, boardId, { cookie });
  opener.destroy();
}
