import {
  CLOSE_CHANGE_REFUSED,
  deviceKeyHash,
  joinAsTablet,
  localOrigin,
  openBoard,
  type PencilState,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clusterSecret, FORWARDED_HEADER } from '../src/cluster/forward';
import { OWNER_CALL_PATH } from '../src/cluster/owner-calls';
import { boardLock } from '../src/cluster/ownership';
import { startServerProcess } from '../src/testing/server-process';
import {
  connectDevice,
  drawStroke,
  eventually,
  MIA_KEY,
  type SyncClient,
  upgradeStatus,
} from './clients';
import { clusterPerTest } from './cluster-fixture';
import { call, enrollTable, signInAsLibrarian } from './helpers';

/**
 * Cluster mode with real parts: PostgreSQL 15 and redis-server started here on loopback, and
 * three real server processes sharing them. A device may connect to any process.
 */
const live = clusterPerTest();
const { cluster, client } = live;

/** Processes answer each other over loopback: a busy 2-core machine may take seconds. */
const settled = (check: () => void | Promise<void>) => eventually(check, 20_000);

const strokeIds = (c: SyncClient) =>
  [...c.board.elements.values()].filter((e) => e.type === 'stroke').map((e) => e.id);

/** Which process owns a board now, from the advisory lock's holder in PostgreSQL. */
async function ownerPid(databaseUrl: string, boardId: string): Promise<number | null> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { hi, lo } = boardLock(boardId);
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
     AND classid = $1 AND objid = $2 AND objsubid = 1`,
    [hi, lo],
  );
  await db.end();
  return rows[0]?.pid ?? null;
}

describe('cluster mode', () => {
  it('devices of one board spread over three processes converge, and it is all in PostgreSQL', async () => {
    const {
      processes: [a, b, c],
      start,
    } = await cluster(3);
    const devices = [
      await client(a!, 'lesson'),
      await client(b!, 'lesson'),
      await client(c!, 'lesson'),
      await client(b!, 'lesson'),
    ];
    devices.forEach((device, i) => {
      for (let k = 0; k < 10; k++) drawStroke(device, `author-${i}`, i * 1000 + k * 20);
    });
    await settled(() => {
      for (const device of devices) expect(strokeIds(device)).toHaveLength(40);
    });
    const union = new Set(devices.flatMap(strokeIds));
    // Every process stopped: what a new one loads is all of it.
    for (const process of [a!, b!, c!]) await process.kill('SIGKILL');
    const later = await client(await start(), 'lesson');
    expect(new Set(strokeIds(later))).toEqual(union);
  }, 60_000);

  it('kill -9 of the owner mid-burst loses nothing any device received', async () => {
    const {
      processes: [a, b, c],
    } = await cluster(3);
    const owner = await client(a!, 'burst'); // the first device makes A the owner
    const onB = await client(b!, 'burst');
    const onC = await client(c!, 'burst');
    const seen = new Set<string>();
    for (const device of [onB, onC]) {
      device.board.elements.observe(() => {
        for (const id of strokeIds(device)) seen.add(id);
      });
    }
    for (let k = 0; k < 30; k++) drawStroke(onB, 'b', k * 10);
    for (let k = 0; k < 30; k++) drawStroke(owner, 'a', k * 10);
    await settled(() => expect(seen.size).toBeGreaterThan(10));
    await a!.kill('SIGKILL');
    // B's and C's devices reconnect by themselves (their processes are up) to the new owner.
    for (let k = 0; k < 10; k++) drawStroke(onC, 'c', k * 10);
    // A device that joins afterwards has everything B's and C's devices ever received,
    // and everything C drew after the owner died.
    await settled(async () => {
      const fresh = await client(b!, 'burst');
      const ids = new Set(strokeIds(fresh));
      fresh.destroy();
      for (const id of seen) expect(ids.has(id)).toBe(true);
      for (const id of strokeIds(onC)) expect(ids.has(id)).toBe(true);
    });
  }, 60_000);

  it('a paused owner is fenced off: a peer takes the board, and the old owner cannot write', async () => {
    const {
      processes: [a, b],
      databaseUrl,
      redisUrl,
    } = await cluster(2);
    const onA = await client(a!, 'paused');
    drawStroke(onA, 'a', 10);
    await settled(async () => expect(await ownerPid(databaseUrl, 'paused')).not.toBeNull());
    const oldPid = await ownerPid(databaseUrl, 'paused');
    a!.process.kill('SIGSTOP');
    // Once A's heartbeat lapses (a barrier, read from Redis), a device on B makes B take it.
    const directory = new Redis(redisUrl);
    await settled(async () => {
      const nodes = await directory.keys('roundtable:node:*');
      expect(nodes).toHaveLength(1);
    });
    directory.disconnect();
    const onB = await client(b!, 'paused');
    expect(strokeIds(onB)).toHaveLength(1);
    drawStroke(onB, 'b', 200);
    const newPid = await ownerPid(databaseUrl, 'paused');
    expect(newPid).not.toBeNull();
    expect(newPid).not.toBe(oldPid);

    a!.process.kill('SIGCONT');
    await settled(() => expect(a!.output()).toMatch(/"event":"cluster_fenced"/));
    // A's devices were closed and come back through A, which now forwards them to B.
    drawStroke(onA, 'a', 400);
    await settled(() => expect(strokeIds(onB)).toHaveLength(3));
    expect(await ownerPid(databaseUrl, 'paused')).toBe(newPid);
  }, 60_000);

  it('the talking pencil holds across processes: a non-holder on another process is refused', async () => {
    const {
      processes: [a, b],
    } = await cluster(2);
    const table = await connectDevice(a!.url, 'pencil', { user: { kind: 'table', id: 'table' } });
    live.track(table.client);
    runCommand(table.client.board, setDefaultSeats, 2, localOrigin('table'));
    const mia = await connectDevice(b!.url, 'pencil', {
      user: { kind: 'tablet', id: 'mia' },
      deviceKey: MIA_KEY,
    });
    live.track(mia.client);
    runCommand(
      mia.client.board,
      joinAsTablet,
      { id: 'mia', name: 'Mia', color: '#9c36b5', keyHash: deviceKeyHash(MIA_KEY) },
      localOrigin('mia'),
    );
    await settled(() => expect(table.client.board.participants.has('mia')).toBe(true));
    table.ask({ type: 'setMode', mode: 'pencil' });
    await settled(() =>
      expect(mia.client.board.control.get('pencil') as PencilState).toMatchObject({
        holderId: 'seat-1',
      }),
    );
    drawStroke(mia.client, 'mia', 100);
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    mia.client.destroy();
    drawStroke(table.client, 'seat-1', 300);
    const check = await client(b!, 'pencil');
    await settled(() => expect(strokeIds(check)).toHaveLength(1));
    expect([...check.board.elements.values()][0]?.authorId).toBe('seat-1');
  }, 60_000);

  it('the librarian and the tables are the cluster’s: a cookie from one process works on all', async () => {
    const {
      processes: [a, b, c],
    } = await cluster(3, { LIBRARIAN_PIN: '2468' });
    // Five wrong PINs spread over two processes; the sixth try, on a third, waits.
    const tries = await Promise.all(
      [a, b, a, b, a].map((p) => call(p!, 'POST', '/api/librarian/sign-in', { pin: '0000' })),
    );
    expect(tries.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect((await call(c!, 'POST', '/api/librarian/sign-in', { pin: '2468' })).status).toBe(429);

    const {
      processes: [d, e],
    } = await cluster(2, { LIBRARIAN_PIN: '2468' });
    const cookie = await signInAsLibrarian(d!, '2468');
    const created = await call(e!, 'POST', '/api/boards', { title: 'Lesson' }, cookie);
    expect(created.status).toBe(201);
    const { boardId } = (await created.json()) as { boardId: string };
    // A table enrolled on one process speaks for the seats on another.
    const tableCookie = await enrollTable(e!, cookie);
    const table = await connectDevice(d!.url, boardId, {
      cookie: tableCookie,
      user: { kind: 'table', id: 'table' },
    });
    live.track(table.client);
    runCommand(table.client.board, setDefaultSeats, 2, localOrigin('table'));
    const check = await client(e!, boardId);
    await settled(() => expect(check.board.seats.size).toBe(2));
    // Signed out on one process: the cookie is dead on every other.
    await call(e!, 'POST', '/api/librarian/sign-out', {}, cookie);
    expect((await call(d!, 'GET', '/api/boards', undefined, cookie)).status).toBe(403);
  }, 60_000);

  it('the librarian’s board calls run on the board’s owner, whichever process is asked', async () => {
    const {
      processes: [a, b, c],
    } = await cluster(3, { LIBRARIAN_PIN: '2468' });
    const cookie = await signInAsLibrarian(a!, '2468');
    const created = await call(a!, 'POST', '/api/boards', { title: 'Maps' }, cookie);
    const { boardId } = (await created.json()) as { boardId: string };
    // The table on b: b owns the board now; the calls below go to a and c.
    const device = await connectDevice(b!.url, boardId, {
      cookie: await enrollTable(a!, cookie),
      user: { kind: 'table', id: 'table' },
    });
    live.track(device.client);
    runCommand(device.client.board, setDefaultSeats, 2, localOrigin('table'));
    drawStroke(device.client, 'seat-1', 100);
    const renamed = await call(
      c!,
      'PATCH',
      `/api/boards/${boardId}`,
      { title: 'Maps of the world', locked: true },
      cookie,
    );
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ title: 'Maps of the world', locked: true });
    await settled(() => expect(device.client.board.meta.get('title')).toBe('Maps of the world'));
    // Listed from any process, with the device the owner has on it.
    await settled(async () => {
      const listed = (await (await call(a!, 'GET', '/api/boards', undefined, cookie)).json()) as {
        id: string;
        devices: number;
        locked: boolean;
      }[];
      expect(listed.find((board) => board.id === boardId)).toMatchObject({
        devices: 1,
        locked: true,
      });
    });
    // The lock set through c holds on b: the device's next stroke is refused, nothing stored.
    drawStroke(device.client, 'seat-1', 300);
    expect(await device.closed).toBe(CLOSE_CHANGE_REFUSED);
    device.client.destroy();
    const state = await call(a!, 'GET', `/api/boards/${boardId}/state`);
    expect(state.status).toBe(200);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, new Uint8Array(await state.arrayBuffer()));
    expect(openBoard(stored).elements.size).toBe(1);
    // Clear on one process, undo on another; delete through a third, restore through the first.
    await call(c!, 'PATCH', `/api/boards/${boardId}`, { locked: false }, cookie);
    expect((await call(a!, 'POST', `/api/boards/${boardId}/clear`, {}, cookie)).status).toBe(200);
    const watcher = await client(c!, boardId);
    await settled(() => expect(strokeIds(watcher)).toHaveLength(0));
    expect((await call(b!, 'POST', `/api/boards/${boardId}/undo-clear`, {}, cookie)).status).toBe(
      200,
    );
    await settled(() => expect(strokeIds(watcher)).toHaveLength(1));
    const busy = await call(a!, 'DELETE', `/api/boards/${boardId}`, undefined, cookie);
    expect(busy.status).toBe(409);
    watcher.destroy();
    await settled(async () =>
      expect((await call(a!, 'DELETE', `/api/boards/${boardId}`, undefined, cookie)).status).toBe(
        204,
      ),
    );
    const trash = (await (await call(b!, 'GET', '/api/trash', undefined, cookie)).json()) as {
      id: string;
    }[];
    expect(trash.map((t) => t.id)).toEqual([boardId]);
    expect((await call(a!, 'POST', `/api/trash/${boardId}/restore`, {}, cookie)).status).toBe(200);
    const back = await client(b!, boardId);
    await settled(() => expect(strokeIds(back)).toHaveLength(1));
  }, 90_000);

  it('the owner-call route answers only the cluster: without its secret, 404 and nothing changes', async () => {
    const {
      processes: [a, b],
      databaseUrl,
    } = await cluster(2, { LIBRARIAN_PIN: '2468' });
    const cookie = await signInAsLibrarian(a!, '2468');
    const created = await call(a!, 'POST', '/api/boards', { title: 'Maps' }, cookie);
    const { boardId } = (await created.json()) as { boardId: string };
    // A device on b: b owns the board, and its owner-call route is the one attacked.
    const device = await client(b!, boardId);
    drawStroke(device, 'someone', 100);
    const titles: unknown[] = [];
    device.board.meta.observe((event) => {
      if (event.keysChanged.has('title')) titles.push(device.board.meta.get('title'));
    });
    /** A raw POST to b's owner-call route, as a peer process would send it. */
    const ownerCall = (op: string, args: unknown[], headers: Record<string, string>) =>
      fetch(`${b!.url}${OWNER_CALL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ boardId, op, args, hops: 1 }),
      });
    const secret = clusterSecret(databaseUrl);
    const wrong = clusterSecret(`${databaseUrl}-elsewhere`);
    const attempts: Record<string, string>[] = [{}, { [FORWARDED_HEADER]: `${wrong} internal` }];
    for (const headers of attempts) {
      expect((await ownerCall('rename', ['Taken over'], headers)).status).toBe(404);
      expect((await ownerCall('clear', [], headers)).status).toBe(404);
      expect((await ownerCall('delete', [true], headers)).status).toBe(404);
    }
    // The same call with the cluster's secret is obeyed (so the 404s were the secret's doing)…
    const peer = await ownerCall('rename', ['Maps, by a peer'], {
      [FORWARDED_HEADER]: `${secret} internal`,
    });
    expect(peer.status).toBe(200);
    // …and so is the librarian's, passed on from a.
    const renamed = await call(a!, 'PATCH', `/api/boards/${boardId}`, { title: 'Maps II' }, cookie);
    expect(renamed.status).toBe(200);
    await settled(() => expect(device.board.meta.get('title')).toBe('Maps II'));
    // The device saw only the two honest renames; the board kept its stroke and its device.
    expect(titles).toEqual(['Maps, by a peer', 'Maps II']);
    expect(strokeIds(device)).toHaveLength(1);
    const check = await client(a!, boardId);
    expect(strokeIds(check)).toHaveLength(1);
    expect(check.board.meta.get('title')).toBe('Maps II');
  }, 60_000);

  it('a group run’s phase step reaches boards owned by other processes', async () => {
    const {
      processes: [a, b, c],
      databaseUrl,
    } = await cluster(3, { LIBRARIAN_PIN: '2468', ROOM_LINGER_MS: '0' });
    const cookie = await signInAsLibrarian(a!, '2468');
    const started = await call(
      a!,
      'POST',
      '/api/routines',
      { templateId: 'think-pair-share', groups: ['Red', 'Blue', 'Green'] },
      cookie,
    );
    expect(started.status).toBe(201);
    const run = (await started.json()) as { id: string; groups: { boardId: string }[] };
    // Each group's board served by a different process (the first to be asked takes it).
    const groups = await Promise.all(
      run.groups.map(({ boardId }, i) => client([a!, b!, c!][i]!, boardId)),
    );
    const owners = await Promise.all(run.groups.map((g) => ownerPid(databaseUrl, g.boardId)));
    expect(new Set(owners).size).toBe(3);
    const routineOf = (g: SyncClient) => g.board.control.get('routine') as { phaseIndex: number };
    // Asked of b: the step reaches every group, on its own process.
    const step = await call(
      b!,
      'POST',
      `/api/routines/${run.id}/phase`,
      { action: 'next' },
      cookie,
    );
    expect(await step.json()).toEqual(run.groups.map(({ boardId }) => ({ boardId })));
    await settled(() => {
      for (const g of groups) expect(routineOf(g).phaseIndex).toBe(1);
    });
  }, 90_000);

  it('an address’s connections are counted over every process', async () => {
    const {
      processes: [a, b, c],
    } = await cluster(3, { MAX_CONNECTIONS_PER_IP: '3' });
    const first = await client(a!, 'one');
    await client(b!, 'two');
    await client(c!, 'three');
    // Each process has one of this address's connections; the limit is three over all.
    await settled(async () => expect(await upgradeStatus(a!.url, '/ws/four')).toBe(429));
    // One closes on a: the address may open another, on any process.
    first.destroy();
    await settled(() => expect(upgradeStatus(c!.url, '/ws/four')).rejects.toThrow(/succeeded/));
  }, 60_000);

  it('refuses to start with only one of the two URLs', async () => {
    await expect(
      startServerProcess({ DATABASE_URL: live.postgresUrl }, undefined, { requireApp: false }),
    ).rejects.toThrow(/needs both DATABASE_URL \(PostgreSQL\) and REDIS_URL/);
  });
});
