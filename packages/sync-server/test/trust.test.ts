import { request } from 'node:http';
import {
  CLOSE_CHANGE_REFUSED,
  deviceKeyHash,
  joinAsTablet,
  localOrigin,
  type PencilState,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type connectDevice,
  drawStroke,
  eventually,
  MIA_KEY,
  type SyncClient,
  syncRoundTrip,
  tableAndTablet,
} from './clients';
import {
  call,
  enrollTable,
  serverPerTest,
  signInAsLibrarian,
  startTestServer,
  type TestServerOptions,
} from './helpers';

/**
 * The trust model from a student's side: for each rule, a raw client that breaks it (refused,
 * nothing stored or relayed) beside the honest device that succeeds.
 */
const PIN = '2468';
const live = serverPerTest();

const pencil = (c: SyncClient) => c.board.control.get('pencil') as PencilState;

/** A protected library: the librarian signed in, an enrolled table, a board with two seats. */
async function protectedClassroom(options: TestServerOptions = {}) {
  live.server = await startTestServer({ librarianPin: PIN, ...options });
  const librarianCookie = await signInAsLibrarian(live.server, PIN);
  const created = await live.request('POST', '/api/boards', { title: 'Lesson' }, librarianCookie);
  const { boardId } = (await created.json()) as { boardId: string };
  const tableCookie = await enrollTable(live.server, librarianCookie);
  const { table, mia } = await tableAndTablet(live.server.url, boardId, { tableCookie });
  live.clients.push(table.client, mia.client);
  const librarian = await device(boardId, { cookie: librarianCookie });
  return { boardId, librarianCookie, tableCookie, table, mia, librarian };
}

const device = (boardId: string, options?: Parameters<typeof connectDevice>[2]) =>
  live.device(boardId, options);

/** A device that joins afterwards: what the server stored and relays. */
const observer = (boardId: string) => live.client(boardId);

/** A student's screen that opens the board in the table layout, without the table's cookie. */
const impostorTable = (boardId: string) =>
  device(boardId, { user: { kind: 'table', id: 'fake-table' } });

describe('only an enrolled table speaks for the seats', () => {
  it('a screen that opens ?layout=table without the cookie cannot draw or pass as a seat', async () => {
    const { boardId, table, librarian } = await protectedClassroom();
    librarian.ask({ type: 'setMode', mode: 'pencil' });
    await eventually(() => expect(pencil(table.client).holderId).toBe('seat-1'));

    // Honest: the enrolled table draws in seat-1's turn.
    drawStroke(table.client, 'seat-1', 100);
    await eventually(async () => expect((await observer(boardId)).board.elements.size).toBe(1));

    const fake = await impostorTable(boardId);
    fake.ask({ type: 'pass', from: 'seat-1', to: 'seat-2' });
    await eventually(() => expect(fake.replies).toHaveLength(1));
    expect(JSON.parse(fake.replies[0]!).error).toEqual({ code: 'holderPassesPencil' });
    expect(pencil(await observer(boardId)).holderId).toBe('seat-1');

    drawStroke(fake.client, 'seat-1', 400);
    expect(await fake.closed).toBe(CLOSE_CHANGE_REFUSED);
    const after = await observer(boardId);
    expect(after.board.elements.size).toBe(1);
    await syncRoundTrip(table.client);
    expect(table.client.board.elements.size).toBe(1);
  });

  it('a screen without the cookie cannot dot-vote as a seat; the enrolled table can', async () => {
    const { boardId, table, librarianCookie } = await protectedClassroom();
    const started = await live.request(
      'POST',
      `/api/boards/${boardId}/routine`,
      { templateId: 'question-poster', prompt: 'Best pet?' },
      librarianCookie,
    );
    expect(started.status).toBe(200);
    // Dots go on in the poster's Vote phase: the librarian moves on to it.
    const librarian = await live.device(boardId, { cookie: librarianCookie });
    librarian.ask({ type: 'routine', action: 'next' });
    await eventually(() =>
      expect(
        (librarian.client.board.control.get('routine') as { phaseIndex: number }).phaseIndex,
      ).toBe(1),
    );
    const note = { type: 'note', x: 0, y: 0, rotation: 0, authorId: 'seat-1', w: 200, h: 200 };
    const answer = { ...note, id: 'n1', z: 'a0', createdAt: 1, color: '#ffe066', text: 'Cats' };
    table.client.board.elements.set('n1', { ...answer, fontSize: 24 } as never);
    await eventually(async () =>
      expect((await observer(boardId)).board.elements.has('n1')).toBe(true),
    );

    const fake = await impostorTable(boardId);
    fake.client.board.votes.set('seat-2', { voterId: 'seat-2', noteIds: ['n1'] });
    expect(await fake.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.votes.has('seat-2')).toBe(false);

    table.client.board.votes.set('seat-2', { voterId: 'seat-2', noteIds: ['n1'] });
    await eventually(async () =>
      expect((await observer(boardId)).board.votes.get('seat-2')?.noteIds).toEqual(['n1']),
    );
  });

  it('a screen without the cookie cannot add, rename or remove seats; the enrolled table can', async () => {
    const { boardId, table } = await protectedClassroom();
    const fake = await impostorTable(boardId);
    fake.client.board.seats.delete('seat-1');
    expect(await fake.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.seats.has('seat-1')).toBe(true);
    // A guessed table cookie is no better than none.
    const guessed = await device(boardId, {
      cookie: 'rt_table=guessed-secret',
      user: { kind: 'table', id: 'guess' },
    });
    guessed.client.board.seats.delete('seat-1');
    expect(await guessed.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.seats.has('seat-1')).toBe(true);

    const student = await device(boardId, { deviceKey: 'a-student-tablet-key-01' });
    const seat = table.client.board.seats.get('seat-2')!;
    student.client.board.seats.set('seat-2', { ...seat, name: 'Mine now' });
    expect(await student.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.seats.get('seat-2')?.name).toBe(seat.name);

    // Honest: the table renames its own seat.
    table.client.board.seats.set('seat-2', { ...seat, name: 'Group B' });
    await eventually(async () =>
      expect((await observer(boardId)).board.seats.get('seat-2')?.name).toBe('Group B'),
    );
  });

  it('before any PIN every table screen is the table; once a PIN is set, only enrolled ones', async () => {
    live.server = await startTestServer();
    const early = await device('first-lesson', { user: { kind: 'table', id: 'table-a' } });
    runCommand(early.client.board, setDefaultSeats, 2, localOrigin('table-a'));
    drawStroke(early.client, 'seat-1');
    await eventually(async () =>
      expect((await observer('first-lesson')).board.elements.size).toBe(1),
    );

    const setup = await live.request('POST', '/api/librarian/setup', {
      pin: PIN,
      setupCode: live.server.setupCode,
    });
    expect(setup.status).toBe(200);
    // The same screen, still connected, is not the table any more: its seats are not its own.
    early.client.board.seats.delete('seat-2');
    expect(await early.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer('first-lesson')).board.seats.has('seat-2')).toBe(true);
  });

  it('revoking a table closes its sockets, and its cookie no longer speaks for the seats', async () => {
    const { boardId, table, tableCookie, librarianCookie } = await protectedClassroom();
    const listed = (await (
      await live.request('GET', '/api/tables', undefined, librarianCookie)
    ).json()) as {
      id: string;
    }[];
    expect(listed).toHaveLength(1);
    // A student cannot list or revoke tables.
    expect((await live.request('GET', '/api/tables')).status).toBe(403);
    expect((await live.request('DELETE', `/api/tables/${listed[0]!.id}`)).status).toBe(403);
    const minted = await live.request('POST', '/api/tables', { name: 'Mine' });
    expect(minted.status).toBe(403);
    expect(minted.headers.get('set-cookie')).toBeNull();
    const after = await live.request('GET', '/api/tables', undefined, librarianCookie);
    expect(await after.json()).toHaveLength(1);

    const revoked = await live.request(
      'DELETE',
      `/api/tables/${listed[0]!.id}`,
      undefined,
      librarianCookie,
    );
    expect(revoked.status).toBe(200);
    expect(await table.closed).toBe(1008);
    const again = await device(boardId, { cookie: tableCookie, user: { kind: 'table', id: 't' } });
    again.client.board.seats.delete('seat-2');
    expect(await again.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.seats.has('seat-2')).toBe(true);
  });
});

describe('tablets and seats never share an id, and a device is one tablet', () => {
  it('a tablet cannot join under a seat’s id, nor a seat take a tablet’s id', async () => {
    const { boardId, table } = await protectedClassroom();
    const key = 'another-tablet-key-000001';
    const sneaky = await device(boardId, { deviceKey: key });
    runCommand(
      sneaky.client.board,
      joinAsTablet,
      { id: 'seat-1', name: 'Seat one', color: '#9c36b5', keyHash: deviceKeyHash(key) },
      localOrigin('seat-1'),
    );
    expect(await sneaky.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.participants.has('seat-1')).toBe(false);

    // Even the enrolled table cannot make a seat under Mia's id (it would speak as her).
    const seat = table.client.board.seats.get('seat-2')!;
    table.client.board.seats.set('mia', { ...seat, id: 'mia' });
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);
    expect((await observer(boardId)).board.seats.has('mia')).toBe(false);
  });

  it('one device key owns one tablet record per board', async () => {
    const { boardId, mia } = await protectedClassroom();
    runCommand(
      mia.client.board,
      joinAsTablet,
      { id: 'mia-2', name: 'Mia again', color: '#9c36b5', keyHash: deviceKeyHash(MIA_KEY) },
      localOrigin('mia-2'),
    );
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    const after = await observer(boardId);
    expect(after.board.participants.has('mia-2')).toBe(false);
    // Honest: Mia renames her own tablet.
    const again = await device(boardId, { deviceKey: MIA_KEY });
    const record = again.client.board.participants.get('mia')!;
    again.client.board.participants.set('mia', { ...record, name: 'Mia R' });
    await eventually(async () =>
      expect((await observer(boardId)).board.participants.get('mia')?.name).toBe('Mia R'),
    );
  });
});

describe('a locked board is read-only', () => {
  it('no device renames it or changes seats; a tablet may still join', async () => {
    const { boardId, table, librarian } = await protectedClassroom();
    librarian.ask({ type: 'lock', locked: true });
    await eventually(() =>
      expect(table.client.board.control.get('lock')).toEqual({ locked: true }),
    );

    const student = await device(boardId, { deviceKey: 'a-student-tablet-key-02' });
    student.client.board.meta.set('title', 'Hacked');
    expect(await student.closed).toBe(CLOSE_CHANGE_REFUSED);
    student.client.destroy(); // a stock client would try again: count this refusal once
    expect((await observer(boardId)).board.meta.get('title')).toBe('Lesson');

    const seat = table.client.board.seats.get('seat-1')!;
    table.client.board.seats.set('seat-3', { ...seat, id: 'seat-3', name: 'Extra' });
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);
    table.client.destroy();
    expect((await observer(boardId)).board.seats.has('seat-3')).toBe(false);

    // Honest: a tablet joins the locked board to watch.
    const key = 'a-student-tablet-key-03';
    const watcher = await device(boardId, { deviceKey: key });
    runCommand(
      watcher.client.board,
      joinAsTablet,
      { id: 'leo', name: 'Leo', color: '#1971c2', keyHash: deviceKeyHash(key) },
      localOrigin('leo'),
    );
    await eventually(async () =>
      expect((await observer(boardId)).board.participants.has('leo')).toBe(true),
    );
    const metrics = await (await live.request('GET', '/metrics')).text();
    expect(metrics).toMatch(/roundtable_refusals_total\{reason="lock"\} 2/);
  });
});

describe('PIN guessing', () => {
  it('24 wrong PINs sent at once: five are checked, the rest wait; the count survives a restart', async () => {
    live.server = await startTestServer({ librarianPin: PIN });
    const guesses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        live.request('POST', '/api/librarian/sign-in', { pin: String(1000 + i) }),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);

    live.server = await live.server.restart();
    const after = await live.request('POST', '/api/librarian/sign-in', { pin: PIN });
    expect(after.status).toBe(429);
  });
});

/** A request with the headers a browser on another site would send (fetch may not set Origin). */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether a WebSocket upgrade with these headers opens (true) or gets which HTTP status. */
function tryUpgrade(url: string, headers: Record<string, string>): Promise<true | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.terminate();
      resolve(true);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

describe('requests from another site', () => {
  it('a cross-site form post with the librarian’s cookie is refused; the same site works', async () => {
    live.server = await startTestServer({ librarianPin: PIN });
    const cookie = await signInAsLibrarian(live.server, PIN);
    const url = `${live.server.url}/api/boards`;
    const body = JSON.stringify({ title: 'From evil' });
    const evil = { cookie, origin: 'http://evil.example' };
    expect(await rawRequest(url, 'POST', { ...evil, 'content-type': 'text/plain' }, body)).toBe(
      403,
    );
    expect(
      await rawRequest(url, 'POST', { ...evil, 'content-type': 'application/json' }, body),
    ).toBe(403);
    // A same-origin page may not send a plain form either: only JSON is one of our calls.
    const own = { cookie, origin: live.server.url };
    expect(await rawRequest(url, 'POST', { ...own, 'content-type': 'text/plain' }, body)).toBe(415);
    const boards = async () =>
      (await (
        await call(live.server, 'GET', '/api/boards', undefined, cookie)
      ).json()) as unknown[];
    expect(await boards()).toHaveLength(0);
    expect(
      await rawRequest(url, 'POST', { ...own, 'content-type': 'application/json' }, body),
    ).toBe(201);
    expect(await boards()).toHaveLength(1);
  });

  it('a WebSocket opened from another site is refused before the upgrade', async () => {
    live.server = await startTestServer({ librarianPin: PIN });
    const cookie = await signInAsLibrarian(live.server, PIN);
    const ws = `${live.server.url.replace('http', 'ws')}/ws/lesson`;
    expect(await tryUpgrade(ws, { cookie, origin: 'http://evil.example' })).toBe(403);
    expect(await tryUpgrade(ws, { cookie, origin: live.server.url })).toBe(true);
  });
});

describe('the librarian on a shared screen', () => {
  it('locks again when left unused, and its socket can no longer run the class', async () => {
    live.server = await startTestServer({ librarianPin: PIN, librarianIdleMs: 400 });
    const signIn = await live.request('POST', '/api/librarian/sign-in', {
      pin: PIN,
      sharedScreen: true,
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const onLaptop = await signInAsLibrarian(live.server, PIN);
    const state = async (c: string) =>
      (await (await call(live.server, 'GET', '/api/librarian', undefined, c)).json()) as {
        signedIn: boolean;
        locksAt: number | null;
      };
    const table = await device('lesson', { cookie });
    expect((await state(cookie)).locksAt).not.toBeNull();
    await eventually(async () => expect((await state(cookie)).signedIn).toBe(false));
    table.ask({ type: 'lock', locked: true });
    await eventually(() => expect(table.replies).toHaveLength(1));
    expect(table.replies[0]).toMatch(/"code":"librarian/);
    // A session that is not on a shared screen lasts the school day.
    expect(await state(onLaptop)).toMatchObject({ signedIn: true, locksAt: null });
  });
});
