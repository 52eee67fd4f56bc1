import { decodeRefusal, encodeStroke, type InvalidChange } from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../src/ws/messages';
import {
  awarenessMessage,
  connectClient,
  connectRaw,
  drawStroke,
  eventually,
  type SyncClient,
  updateFrom,
  updateMessage,
  upgradeStatus,
} from './clients';
import { startTestServer, type TestServer, type TestServerOptions } from './helpers';

let server: TestServer;
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

async function start(options: TestServerOptions = {}) {
  server = await startTestServer(options);
}

async function honest(boardId = 'board') {
  const client = await connectClient(server.url, boardId);
  clients.push(client);
  return client;
}

const validStroke = (id: string) => ({
  id,
  type: 'stroke',
  x: 0,
  y: 0,
  rotation: 0,
  z: 'a0',
  authorId: 'intruder',
  createdAt: 1,
  tool: 'pen',
  color: '#000000',
  width: 3,
  points: encodeStroke([
    { x: 0, y: 0 },
    { x: 5, y: 5 },
  ]),
});

/** Sends one message from a fresh raw socket and returns how the server closed it. */
async function sendAndClose(message: Uint8Array | string, boardId = 'board') {
  const raw = await connectRaw(server.url, `/ws/${boardId}`);
  raw.send(message);
  return raw.closed;
}

/** Both honest clients still exchange strokes after whatever happened. */
async function assertStillSyncing(a: SyncClient, b: SyncClient) {
  const id = drawStroke(a, 'seat-2', 900);
  await eventually(() => expect(b.board.elements.has(id)).toBe(true));
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
}

describe('board ids', () => {
  it.each(['/ws/', '/ws/has%20space', '/ws/a/b', `/ws/${'x'.repeat(65)}`, '/ws/..', '/elsewhere'])(
    'refuses %s with HTTP 400 before the upgrade',
    async (path) => {
      await start();
      expect(await upgradeStatus(server.url, path)).toBe(400);
    },
  );
});

describe('bad messages close only the offending connection', () => {
  it('closes an oversized message with 1009', async () => {
    await start({ limits: { maxMessageBytes: 64 * 1024 } });
    const [a, b] = [await honest(), await honest()];
    const closed = await sendAndClose(new Uint8Array(100 * 1024));
    expect(closed.code).toBe(CLOSE.tooBig);
    await assertStillSyncing(a, b);
  });

  it.each([
    ['random bytes', new Uint8Array([250, 17, 3, 99, 1, 2])],
    ['an unknown message type', new Uint8Array([9, 0])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    [
      'a truncated update',
      updateMessage(updateFrom(null, (d) => d.getMap('elements').set('s', validStroke('s')))).slice(
        0,
        20,
      ),
    ],
    ['a truncated state vector', new Uint8Array([0, 0, 5, 1])],
    ['an empty message', new Uint8Array([])],
  ])('closes %s with 1007', async (_what, message) => {
    await start();
    const [a, b] = [await honest(), await honest()];
    const closed = await sendAndClose(message);
    expect(closed.code).toBe(CLOSE.malformed);
    await assertStillSyncing(a, b);
  });

  it('closes a text frame with 1007', async () => {
    await start();
    expect((await sendAndClose('hello')).code).toBe(CLOSE.malformed);
  });
});

describe('updates the board model refuses', () => {
  const cases: [string, (doc: Y.Doc) => void, InvalidChange][] = [
    [
      'a stroke with a bad colour',
      (d) => d.getMap('elements').set('s', { ...validStroke('s'), color: 'red' }),
      'invalidRecord',
    ],
    [
      'a record under another id',
      (d) => d.getMap('elements').set('other', validStroke('s')),
      'invalidRecord',
    ],
    [
      'a write to the talking pencil',
      (d) => d.getMap('control').set('pencil', { mode: 'open' }),
      'serverOnly',
    ],
    ['a new root type', (d) => d.getArray('junk').push([1]), 'unknownRoot'],
    ['a nested shared type', (d) => d.getMap('elements').set('n', new Y.Map()), 'invalidRecord'],
    ['a schema downgrade', (d) => d.getMap('meta').set('schema', { stroke: 1 }), 'serverOnly'],
  ];

  it.each(cases)('refuses %s: never stored, never relayed', async (_what, change, what) => {
    await start();
    const [a, b] = [await honest(), await honest()];
    const kept = drawStroke(a);
    await eventually(() => expect(b.board.elements.has(kept)).toBe(true));
    const seenByB: Uint8Array[] = [];
    b.doc.on('update', (u: Uint8Array) => seenByB.push(u));

    const closed = await sendAndClose(updateMessage(updateFrom(null, change)));
    expect(closed.code).toBe(CLOSE.refused);
    expect(decodeRefusal(closed.reason)).toEqual({ code: 'invalidChange', what });
    await assertStillSyncing(a, b);
    // b saw only the honest stroke, nothing of the refused update.
    expect(seenByB).toHaveLength(1);
    expect(b.board.elements.has('s')).toBe(false);
    expect(b.board.control.get('pencil')).toMatchObject({ mode: 'open', queue: [] });

    // Nor did it reach the disk: a restarted server has the honest strokes only.
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const after = await honest();
    expect([...after.board.elements.keys()].sort()).toEqual([...a.board.elements.keys()].sort());
    expect(after.doc.share.has('junk')).toBe(false);
  });

  it('refuses an update whose dependencies the board never had', async () => {
    await start();
    const [a, b] = [await honest(), await honest()];
    const doc = new Y.Doc();
    doc.getMap('elements').set('s', validStroke('s'));
    const before = Y.encodeStateVector(doc);
    doc.getMap('elements').set('s', { ...validStroke('s'), x: 50 });
    const closed = await sendAndClose(updateMessage(Y.encodeStateAsUpdate(doc, before)));
    expect(closed.code).toBe(CLOSE.refused);
    expect(decodeRefusal(closed.reason)).toEqual({ code: 'invalidChange', what: 'missingHistory' });
    await assertStillSyncing(a, b);
  });

  it('accepts the same stroke when it is valid', async () => {
    await start();
    const [a] = [await honest()];
    const raw = await connectRaw(server.url, '/ws/board');
    raw.send(
      updateMessage(updateFrom(null, (d) => d.getMap('elements').set('s', validStroke('s')))),
    );
    await eventually(() => expect(a.board.elements.has('s')).toBe(true));
    raw.ws.close();
  });
});

describe('limits', () => {
  it('closes a connection that floods messages with 4029', async () => {
    await start({ limits: { ratePerSecond: 20, rateBurst: 40 } });
    const [a, b] = [await honest(), await honest()];
    const raw = await connectRaw(server.url, '/ws/board');
    const query = new Uint8Array([3]);
    for (let i = 0; i < 200; i++) raw.send(query);
    expect((await raw.closed).code).toBe(CLOSE.rateLimited);
    await assertStillSyncing(a, b);
  });

  it('refuses awareness for another client id or over the size cap', async () => {
    await start({ limits: { maxAwarenessBytes: 1024 } });
    const [a, b] = [await honest(), await honest()];
    const raw = await connectRaw(server.url, '/ws/board');
    raw.send(awarenessMessage(777, { user: { name: 'Me' } }));
    raw.send(awarenessMessage(a.doc.clientID, { user: { name: 'Not you' } }));
    expect((await raw.closed).reason).toBe('one awareness client per connection');
    expect(a.provider.awareness.getLocalState()).not.toMatchObject({ user: { name: 'Not you' } });

    const closed = await sendAndClose(awarenessMessage(778, { blob: 'x'.repeat(2_000) }));
    expect(closed).toEqual({ code: CLOSE.refused, reason: 'awareness state too large' });
    await assertStillSyncing(a, b);
  });

  it('caps connections per IP (429) and per board (503)', async () => {
    await start({ limits: { maxConnectionsPerIp: 3, maxConnectionsPerBoard: 2 } });
    const first = await connectRaw(server.url, '/ws/full');
    const second = await connectRaw(server.url, '/ws/full');
    expect(await upgradeStatus(server.url, '/ws/full')).toBe(503);
    const third = await connectRaw(server.url, '/ws/other');
    expect(await upgradeStatus(server.url, '/ws/another')).toBe(429);
    third.ws.close();
    await third.closed;
    const again = await connectRaw(server.url, '/ws/another');
    for (const raw of [first, second, again]) raw.ws.close();
  });

  it('drops a device that stops reading before its backlog grows without bound', async () => {
    await start({
      limits: { maxBufferedBytes: 256 * 1024, ratePerSecond: 10_000, rateBurst: 10_000 },
    });
    const [a, b] = [await honest(), await honest()];
    // About 1 MB of notes on the board.
    const writer = await connectRaw(server.url, '/ws/board');
    const doc = new Y.Doc();
    for (let batch = 0; batch < 25; batch++) {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        for (let i = 0; i < 20; i++) {
          const id = `t${batch}-${i}`;
          doc.getMap('elements').set(id, {
            id,
            type: 'text',
            x: 0,
            y: batch,
            rotation: 0,
            z: 'a0',
            authorId: 'w',
            createdAt: 1,
            text: 'x'.repeat(2_000),
            color: '#000000',
            fontSize: 20,
            w: 300,
          });
        }
      });
      writer.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
    }
    await eventually(() => expect(a.board.elements.size).toBe(500));

    // A device that keeps asking for the whole board but never reads the answers.
    const stalled = await connectRaw(server.url, '/ws/board');
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const askForEverything = new Uint8Array([0, 0, 1, 0]); // sync step 1, empty state vector
    let dropped = false;
    stalled.closed.then(() => {
      dropped = true;
    });
    for (let i = 0; i < 200 && !dropped; i++) {
      stalled.send(askForEverything);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await eventually(() => expect(dropped).toBe(true), 10_000);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/roundtable_refusals_total\{reason="slow_consumer"\} 1/);
    writer.ws.close();
    await assertStillSyncing(a, b);
  });
});

describe('shutdown', () => {
  it('flushes and closes every client with 1012', async () => {
    await start();
    const raw = await connectRaw(server.url, '/ws/board');
    const closing = server.close();
    expect((await raw.closed).code).toBe(CLOSE.restart);
    await closing;
  });
});
