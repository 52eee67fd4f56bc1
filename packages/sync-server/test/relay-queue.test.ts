import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { addStroke, localOrigin, openBoard, runCommand } from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NO_CREDENTIALS } from '../src/auth/trust';
import { Metrics } from '../src/metrics';
import { type QueuedUpdate, RelayQueue, type RelayTarget } from '../src/rooms/relay-queue';
import { Room, type RoomMember } from '../src/rooms/room';
import type { BoardStore } from '../src/storage/board-store';
import { openSqliteStore } from '../src/storage/sqlite-store';
import { updateFrom } from './clients';
import { trustInMemory } from './helpers';

const dirs: string[] = [];
const stores: BoardStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sqliteStore(): BoardStore {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-queue-'));
  dirs.push(dir);
  const store = openSqliteStore(dir);
  stores.push(store);
  return store;
}

/** A board that notes what it was told, and what the disk held at that moment. */
function board(boardId: string, store: BoardStore) {
  const relayed: { updates: readonly QueuedUpdate[]; onDisk: number }[] = [];
  let failures = 0;
  const target: RelayTarget = {
    boardId,
    relayStored: (updates) => relayed.push({ updates, onDisk: store.load(boardId).length }),
    storeFailed: () => failures++,
  };
  return { target, relayed, failures: () => failures };
}

const bytes = (n: number) => new Uint8Array([n, n, n]);

describe('relay queue (group commit)', () => {
  it('stores what one turn accepted in one go, then relays it, each board its own', async () => {
    const store = sqliteStore();
    const metrics = new Metrics();
    const queue = new RelayQueue(store, metrics);
    const a = board('a', store);
    const b = board('b', store);
    queue.add(a.target, bytes(1), { id: 1 });
    queue.add(b.target, bytes(2), { id: 2 });
    queue.add(a.target, bytes(3), null);
    // Nothing is out before the turn ends: not on disk, not relayed.
    expect(store.load('a')).toEqual([]);
    expect(a.relayed).toEqual([]);
    await nextTurn();
    expect(store.load('a')).toEqual([bytes(1), bytes(3)]);
    expect(store.load('b')).toEqual([bytes(2)]);
    // Relayed once per board, in order, with everything already on disk.
    expect(a.relayed).toHaveLength(1);
    expect(a.relayed[0]!.onDisk).toBe(2);
    expect(a.relayed[0]!.updates.map((u) => u.from?.id ?? null)).toEqual([1, null]);
    expect(b.relayed).toEqual([
      { updates: [expect.objectContaining({ from: { id: 2 } })], onDisk: 1 },
    ]);
    expect(metrics.render()).toMatch(
      /roundtable_store_batch_updates_bucket\{le="2"\} 0\n.*le="4"\} 1/,
    );
  });

  it('relays nothing the disk refused, and tells each board so', async () => {
    const store = sqliteStore();
    const queue = new RelayQueue(store, new Metrics());
    const a = board('a', store);
    await store.close();
    queue.add(a.target, bytes(1), { id: 1 });
    expect(() => queue.flush()).not.toThrow();
    expect(a.relayed).toEqual([]);
    expect(a.failures()).toBe(1);
  });

  it('survives a board that cannot even reload after the disk refused it', async () => {
    const store = sqliteStore();
    const queue = new RelayQueue(store, new Metrics());
    let reloadTried = false;
    const broken: RelayTarget = {
      boardId: 'b',
      relayStored: () => {},
      storeFailed: () => {
        reloadTried = true;
        throw new Error('disk gone');
      },
    };
    await store.close();
    queue.add(broken, bytes(1), null);
    expect(() => queue.flush()).not.toThrow();
    expect(reloadTried).toBe(true);
  });
});

describe('a room and its queue', () => {
  const member = (id: number) => {
    const received: Uint8Array[] = [];
    const m: RoomMember = {
      id,
      awarenessClientId: null,
      credentials: NO_CREDENTIALS,
      send: (message) => received.push(message),
      sendAll: (messages) => received.push(...messages),
      close: () => {},
    };
    return { m, received };
  };

  it('puts queued updates on disk before anyone reads the whole board', () => {
    const store = sqliteStore();
    const metrics = new Metrics();
    const room = new Room(
      'r',
      store,
      new RelayQueue(store, metrics),
      metrics,
      { afterUpdates: 1_000, whenIdleMs: 60_000 },
      trustInMemory(),
    );
    const writer = member(1);
    const reader = member(2);
    room.members.add(writer.m);
    room.members.add(reader.m);
    const device = new Y.Doc();
    Y.applyUpdate(device, room.encodedState());
    const logged = store.load('r').length;
    let strokeId = '';
    const update = updateFrom(device, (doc) => {
      strokeId = runCommand(
        openBoard(doc),
        addStroke,
        { authorId: 'seat-1', tool: 'pen', color: '#1f2a44', width: 4, points: [{ x: 0, y: 0 }] },
        localOrigin('seat-1'),
      );
    });
    expect(room.applyClientUpdate(update, writer.m)).toEqual({
      accepted: true,
      changed: true,
    });
    expect(store.load('r')).toHaveLength(logged);
    expect(reader.received).toHaveLength(0);
    // A device joining now is sent the stroke only once the disk has it.
    const whole = room.encodedState();
    expect(store.load('r')).toHaveLength(logged + 1);
    expect(reader.received).toHaveLength(1);
    expect(writer.received).toHaveLength(0);
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, whole);
    expect(openBoard(joiner).elements.has(strokeId)).toBe(true);
    room.destroy();
  });
});
