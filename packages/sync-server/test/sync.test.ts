import { boardSnapshot, currentSchemaVersions } from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../src/storage/sqlite-store';
import { CLOSE } from '../src/ws/messages';
import { connectClient, connectRaw, drawStroke, eventually, type SyncClient } from './clients';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

async function client(boardId = 'class-4b') {
  const c = await connectClient(server.url, boardId);
  clients.push(c);
  return c;
}

describe('sync through the server', () => {
  it('relays strokes between two y-websocket clients, both ways', async () => {
    server = await startTestServer();
    const table = await client();
    const tablet = await client();
    const fromTable = drawStroke(table, 'seat-1');
    const fromTablet = drawStroke(tablet, 'tablet-1', 400);
    await eventually(() => {
      expect(tablet.board.elements.has(fromTable)).toBe(true);
      expect(table.board.elements.has(fromTablet)).toBe(true);
    });
  });

  it('gives a late joiner the whole board, including the server-written defaults', async () => {
    server = await startTestServer();
    const first = await client();
    const ids = [drawStroke(first), drawStroke(first, 'seat-2', 300)];
    await eventually(() => expect(first.provider.synced).toBe(true));
    const late = await client();
    await eventually(() => {
      for (const id of ids) expect(late.board.elements.has(id)).toBe(true);
    });
    expect(late.board.control.get('pencil')).toMatchObject({ mode: 'open' });
    expect(late.board.meta.get('schema')).toMatchObject({ stroke: 2 });
  });

  it('keeps boards apart', async () => {
    server = await startTestServer();
    const a = await client('group-a');
    const b = await client('group-b');
    const id = drawStroke(a);
    const a2 = await client('group-a');
    await eventually(() => expect(a2.board.elements.has(id)).toBe(true));
    expect(b.board.elements.has(id)).toBe(false);
  });

  it('shares awareness and removes it when a device disconnects', async () => {
    server = await startTestServer();
    const table = await client();
    const tablet = await client();
    tablet.provider.awareness.setLocalStateField('user', { name: 'Amara', color: '#e03131' });
    const tabletId = tablet.doc.clientID;
    await eventually(() =>
      expect(table.provider.awareness.getStates().get(tabletId)).toMatchObject({
        user: { name: 'Amara' },
      }),
    );
    tablet.provider.disconnect();
    await eventually(() => expect(table.provider.awareness.getStates().has(tabletId)).toBe(false));
  });

  it('keeps every board across a restart (SIGTERM path)', async () => {
    server = await startTestServer();
    const writer = await client();
    for (let i = 0; i < 20; i++) drawStroke(writer, 'seat-1', i * 10);
    const reader = await client();
    await eventually(() => expect(reader.board.elements.size).toBe(20));
    const before = boardSnapshot(reader.board);
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const after = await client();
    expect(boardSnapshot(after.board)).toEqual(before);
  });

  it('compacts the log into a snapshot and the board stays identical', async () => {
    server = await startTestServer({ compaction: { afterUpdates: 10, whenIdleMs: 60_000 } });
    const writer = await client();
    for (let i = 0; i < 35; i++) drawStroke(writer, 'seat-1', i * 10);
    const reader = await client();
    await eventually(() => expect(reader.board.elements.size).toBe(35));
    const before = boardSnapshot(reader.board);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/roundtable_compactions_total [1-9]/);
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const after = await client();
    expect(boardSnapshot(after.board)).toEqual(before);
  });

  it('compacts a board once nobody has changed it for a while', async () => {
    server = await startTestServer({ compaction: { afterUpdates: 10_000, whenIdleMs: 100 } });
    const writer = await client();
    for (let i = 0; i < 5; i++) drawStroke(writer, 'seat-1', i * 10);
    await eventually(async () => {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/roundtable_compactions_total 1\b/);
    });
  });

  it('refuses to open a board saved by a newer version, and opens the others', async () => {
    server = await startTestServer();
    const newer = new Y.Doc();
    newer.getMap('meta').set('schema', { ...currentSchemaVersions(), stroke: 99 });
    await server.close();
    const store = openSqliteStore(server.dataDir);
    store.append([{ boardId: 'from-the-future', update: Y.encodeStateAsUpdate(newer) }]);
    await store.close();
    server = await server.restart();
    const raw = await connectRaw(server.url, '/ws/from-the-future');
    expect(await raw.closed).toMatchObject({ code: CLOSE.internal });
    const other = await client('today');
    expect(other.board.meta.get('schema')).toEqual(currentSchemaVersions());
  });

  it('reports boards and connections on /healthz and /metrics', async () => {
    server = await startTestServer();
    await client('one');
    await client('two');
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', boardsLoaded: 2, connections: 2 });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('roundtable_connections 2');
    expect(metrics).toContain('roundtable_boards_loaded 2');
    expect(metrics).toMatch(/roundtable_messages_in_total \d+/);
    expect(metrics).toMatch(/roundtable_store_append_seconds_count \d+/);
    expect(metrics).toMatch(/roundtable_event_loop_lag_seconds\{quantile="0.99"\}/);
  });

  it('keeps a board in memory a while after the last device leaves, then unloads it', async () => {
    server = await startTestServer({ roomLingerMs: 1_500 });
    const loaded = async () =>
      ((await (await fetch(`${server!.url}/healthz`)).json()) as { boardsLoaded: number })
        .boardsLoaded;
    const only = await client('lonely');
    drawStroke(only);
    only.destroy();
    clients.splice(0);
    await eventually(async () => expect(await loaded()).toBe(1));
    // Back within the window (a reload): the same room, with the stroke.
    const back = await client('lonely');
    expect(back.board.elements.size).toBe(1);
    back.destroy();
    clients.splice(0);
    await eventually(async () => expect(await loaded()).toBe(0), 5_000);
    // Unloaded, it loads again from disk as it was.
    const later = await client('lonely');
    expect(later.board.elements.size).toBe(1);
  });

  it('a new device gets the whole board in one message, the same as a fresh encoding', async () => {
    server = await startTestServer();
    const first = await client('whole');
    for (let i = 0; i < 20; i++) drawStroke(first, 'seat-1', i * 30);
    await eventually(async () => {
      const second = await client('whole');
      expect(boardSnapshot(second.board)).toEqual(boardSnapshot(first.board));
    });
    drawStroke(first, 'seat-1', 900); // the cached encoding must follow changes
    await eventually(async () => {
      const third = await client('whole');
      expect(third.board.elements.size).toBe(21);
    });
  });
});
