import { join } from 'node:path';
import {
  CLOSE_CHANGE_REFUSED,
  localOrigin,
  type PencilRequest,
  type PencilState,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectDevice,
  drawStroke,
  eventually,
  startBoardAsLibrarian,
  syncRoundTrip,
  upgradeStatus,
} from './clients';
import { enrollTable, startTestServer, type TestServer } from './helpers';

let server: TestServer | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server?.dispose();
  server = null;
});

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${server!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const me = async (cookie?: string) =>
  (await (
    await fetch(`${server!.url}/api/librarian`, { headers: cookie ? { cookie } : {} })
  ).json()) as {
    pinSet: boolean;
    signedIn: boolean;
  };
const sessionCookie = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

/** A device on `boardId` (with the librarian's cookie if given) that can ask the server things. */
async function device(boardId: string, cookie?: string) {
  const d = await connectDevice(server!.url, boardId, { cookie });
  cleanups.push(() => d.client.destroy());
  return d;
}

describe('the librarian', () => {
  it('sets the PIN once at first start and gets a strict, HttpOnly session cookie', async () => {
    server = await startTestServer();
    expect(await me()).toMatchObject({ pinSet: false, signedIn: false });
    const setupCode = server.setupCode!;
    expect(setupCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await post('/api/librarian/setup', { pin: '12', setupCode })).status).toBe(400);
    // Without the code the server printed, a student's tablet cannot make itself librarian.
    expect((await post('/api/librarian/setup', { pin: '2468' })).status).toBe(403);
    expect(
      (await post('/api/librarian/setup', { pin: '2468', setupCode: 'AAAA-AAAA' })).status,
    ).toBe(403);
    expect(await me()).toMatchObject({ pinSet: false });
    const res = await post('/api/librarian/setup', {
      pin: '2468',
      setupCode: setupCode.toLowerCase(),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^rt_librarian=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(await me(sessionCookie(res))).toMatchObject({ pinSet: true, signedIn: true });
    expect(server.setupCode).toBeNull(); // used up
    // Nobody can set it again over the web.
    expect((await post('/api/librarian/setup', { pin: '1111', setupCode })).status).toBe(409);
    // Only a scrypt hash is stored.
    const db = new Database(join(server.dataDir, 'roundtable.sqlite'), { readonly: true });
    const row = db.prepare('SELECT hash FROM librarian_pin').get() as { hash: string };
    db.close();
    expect(row.hash).toMatch(/^scrypt\$/);
    expect(row.hash).not.toContain('2468');
  });

  it('refuses a wrong PIN, then slows guessing down with 429 and Retry-After', async () => {
    server = await startTestServer({ librarianPin: '9753' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await post('/api/librarian/sign-in', { pin: '0000' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const waiting = await post('/api/librarian/sign-in', { pin: '9753' });
    expect(waiting.status).toBe(429); // even the right PIN waits its turn
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await waiting.json()) as { error: string }).error).toMatch(/try again in/);
    expect((await post('/api/librarian/sign-in', { pin: 9753 })).status).toBe(429);
  });

  it('signs in with LIBRARIAN_PIN, signs out, and the old cookie is dead', async () => {
    server = await startTestServer({ librarianPin: '9753' });
    const res = await post('/api/librarian/sign-in', { pin: '9753' });
    expect(res.status).toBe(200);
    const cookie = sessionCookie(res);
    expect((await me(cookie)).signedIn).toBe(true);
    const out = await post('/api/librarian/sign-out', {}, cookie);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await me(cookie)).signedIn).toBe(false);
    expect((await me('rt_librarian=forged')).signedIn).toBe(false);
    expect((await fetch(`${server.url}/api/librarian/sign-in`)).status).toBe(405);
    expect((await post('/api/librarian/sign-in', 'a string, not an object')).status).toBe(400);
    const garbage = await fetch(`${server.url}/api/librarian/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(garbage.status).toBe(400);
    // Only JSON: a plain form (which another site's page may send) is not one of our calls.
    const form = await fetch(`${server.url}/api/librarian/sign-in`, {
      method: 'POST',
      body: '{"pin":"9753"}',
    });
    expect(form.status).toBe(415);
  });

  it('once a PIN is set, only the signed-in librarian runs the pencil over the socket', async () => {
    server = await startTestServer({ librarianPin: '9753' });
    const cookie = sessionCookie(await post('/api/librarian/sign-in', { pin: '9753' }));

    await startBoardAsLibrarian(server.url, 'library', cookie);
    /** A table device, with or without the librarian's cookie on its socket. */
    const table = async (withCookie: boolean) => {
      const d = await connectDevice(server!.url, 'library', {
        cookie: withCookie ? `${tableCookie}; ${cookie}` : tableCookie,
        user: { kind: 'table', id: `t${withCookie}` },
      });
      cleanups.push(() => d.client.destroy());
      return { board: d.client.board, replies: d.replies, ask: d.ask };
    };

    const tableCookie = await enrollTable(server, cookie);
    const student = await table(false);
    runCommand(student.board, setDefaultSeats, 2, localOrigin('x'));
    const librarian = await table(true);
    const facilitatorOnly: PencilRequest[] = [
      { type: 'setMode', mode: 'pencil' },
      { type: 'give', to: 'seat-1' },
      { type: 'take' },
      { type: 'setTimer', seconds: 60, autoPass: true },
    ];
    for (const request of facilitatorOnly) student.ask(request);
    await eventually(() => expect(student.replies).toHaveLength(facilitatorOnly.length));
    expect(student.replies.every((r) => /"code":"librarian/.test(r))).toBe(true);
    expect((student.board.control.get('pencil') as PencilState).mode).toBe('open');

    librarian.ask({ type: 'setMode', mode: 'pencil' });
    await eventually(() =>
      expect(student.board.control.get('pencil')).toMatchObject({
        mode: 'pencil',
        holderId: 'seat-1',
      }),
    );
    expect(librarian.replies).toEqual([]);
  });

  it('locks a board read-only for every device, unlocks it, and clears it, at the librarian’s word', async () => {
    server = await startTestServer({ librarianPin: '9753' });
    const cookie = sessionCookie(await post('/api/librarian/sign-in', { pin: '9753' }));
    const librarian = await device('locked', cookie);
    const student = await device('locked');
    drawStroke(student.client, 'seat-1', 100);
    await eventually(() => expect(librarian.client.board.elements.size).toBe(1));

    student.ask({ type: 'lock', locked: true });
    student.ask({ type: 'clear' });
    await eventually(() => expect(student.replies).toHaveLength(2));
    expect(student.replies.every((r) => /"code":"librarian/.test(r))).toBe(true);

    librarian.ask({ type: 'lock', locked: true });
    await eventually(() =>
      expect(student.client.board.control.get('lock')).toEqual({ locked: true }),
    );
    drawStroke(student.client, 'seat-1', 300);
    expect(await student.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(librarian.client);
    expect(librarian.client.board.elements.size).toBe(1);

    librarian.ask({ type: 'lock', locked: false });
    const again = await device('locked');
    await eventually(() =>
      expect(again.client.board.control.get('lock')).toEqual({ locked: false }),
    );
    drawStroke(again.client, 'seat-1', 500);
    await eventually(() => expect(librarian.client.board.elements.size).toBe(2));

    librarian.ask({ type: 'clear' });
    await eventually(() => expect(again.client.board.elements.size).toBe(0));
  });

  it('once a PIN is set, only the librarian starts new boards; students join existing ones', async () => {
    server = await startTestServer({ librarianPin: '9753' });
    const cookie = sessionCookie(await post('/api/librarian/sign-in', { pin: '9753' }));
    const joinInfo = async (id: string) =>
      (await (await fetch(`${server!.url}/api/boards/${id}/join`)).json()) as { exists: boolean };

    expect(await upgradeStatus(server.url, '/ws/made-up-by-a-student')).toBe(404);
    expect(await joinInfo('made-up-by-a-student')).toMatchObject({ exists: false });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/reason="no_such_board"} 1/);

    await startBoardAsLibrarian(server.url, 'lesson-1', cookie);
    expect(await joinInfo('lesson-1')).toMatchObject({ exists: true });
    const student = await device('lesson-1');
    drawStroke(student.client, 'seat-1', 100);
    await eventually(async () => {
      const again = await device('lesson-1');
      expect(again.client.board.elements.size).toBe(1);
    });
  });

  it('before any PIN is set, any device may start a board (a fresh install)', async () => {
    server = await startTestServer();
    const d = await device('first-board');
    expect(d.client.board.meta.get('schema')).toBeDefined();
  });
});
