import {
  addElement,
  CLOSE_CHANGE_REFUSED,
  deviceKeyHash,
  joinAsTablet,
  localOrigin,
  type RoutineState,
  runCommand,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import {
  connectDevice,
  eventually,
  MIA_KEY,
  type SyncClient,
  syncRoundTrip,
  tableAndTablet,
  upgradeStatus,
} from './clients';
import { enrollTable, json, serverPerTest, signInAsLibrarian, startTestServer } from './helpers';

const PIN = '2468';
const live = serverPerTest();

async function librarianServer() {
  live.server = await startTestServer({ librarianPin: PIN });
  return signInAsLibrarian(live.server, PIN);
}

const client = (boardId: string) => live.client(boardId);

/** A sticky-note answer `id` from seat 1, at `x`. */
function addAnswer(c: SyncClient, id: string, x: number) {
  runCommand(
    c.board,
    addElement,
    {
      ...{ id, type: 'note', x, y: 0, rotation: 0, authorId: 'seat-1', w: 200, h: 200 },
      ...{ color: '#ffe066', text: 'an answer', fontSize: 24 },
    },
    localOrigin('seat-1'),
  );
}

/** The librarian starts `templateId` for these groups; the run as the server answers. */
const startRun = (cookie: string, templateId: string, groups: string[]) =>
  json(live.request('POST', '/api/routines', { templateId, groups }, cookie));

const routine = (c: SyncClient) => c.board.control.get('routine') as RoutineState;
const texts = (c: SyncClient) =>
  [...c.board.elements.values()].flatMap((e) => (e.type === 'text' ? [e.text] : []));

/**
 * A question poster on a fresh board, a table with two seats and a tablet "mia" on it, four
 * answers on it, and (unless `phase` says otherwise) in its Vote phase, where dots go.
 */
async function posterBoard(cookie: string, phase: 'Answer' | 'Vote' = 'Vote') {
  const created = await json(live.request('POST', '/api/boards', { title: 'Poll' }, cookie));
  const boardId = created.boardId as string;
  const started = await live.request(
    'POST',
    `/api/boards/${boardId}/routine`,
    { templateId: 'question-poster', prompt: 'Best pet?' },
    cookie,
  );
  expect(started.status).toBe(200);
  const tableCookie = await enrollTable(live.server, cookie);
  const { table, mia } = await tableAndTablet(live.server.url, boardId, { tableCookie });
  live.clients.push(table.client, mia.client);
  // Four answers on the poster: notes n1…n4.
  for (const [i, id] of ['n1', 'n2', 'n3', 'n4'].entries()) addAnswer(table.client, id, i * 300);
  await eventually(() => expect(mia.client.board.elements.has('n4')).toBe(true));
  if (phase === 'Vote') await librarianSteps(boardId, cookie, ['next'], 'Vote');
  return { boardId, table, mia, tableCookie };
}

/** The librarian's socket moves the board's routine along until its phase is `until`. */
async function librarianSteps(
  boardId: string,
  cookie: string,
  actions: ('next' | 'previous' | 'end')[],
  until: string | null,
) {
  const librarian = await live.device(boardId, { cookie });
  for (const action of actions) librarian.ask({ type: 'routine', action });
  await eventually(() => {
    const state = routine(librarian.client);
    expect(state.phases[state.phaseIndex]?.name ?? null).toBe(until);
  });
}

describe('routines on the server', () => {
  it('starts a routine for two groups: a board each, with the content and the first phase', async () => {
    const cookie = await librarianServer();
    const res = await live.request(
      'POST',
      '/api/routines',
      {
        templateId: 'think-pair-share',
        prompt: 'Why is the sky blue?',
        groups: ['Group A', 'Group B'],
      },
      cookie,
    );
    expect(res.status).toBe(201);
    const run = await json(res);
    expect(run.groups.map((g: { name: string }) => g.name)).toEqual(['Group A', 'Group B']);
    expect(new Set(run.groups.map((g: { boardId: string }) => g.boardId)).size).toBe(2);

    for (const group of run.groups) {
      const c = await client(group.boardId);
      expect(texts(c)).toEqual(
        expect.arrayContaining(['Why is the sky blue?', 'Think', 'Pair', 'Share']),
      );
      expect(routine(c)).toMatchObject({
        templateId: 'think-pair-share',
        phaseIndex: 0,
        phaseEndsAt: null,
        pausedRemainingMs: 90_000,
        runId: run.id,
      });
      expect(c.board.meta.get('title')).toBe(`${group.name} · Think – Pair – Share`);
    }
    // Anyone can read the run (a tablet lists the groups it may move to), with join codes.
    const read = await json(live.request('GET', `/api/routines/${run.id}`));
    expect(read.groups[0]).toMatchObject({
      name: 'Group A',
      joinCode: expect.stringMatching(/^[A-Z2-9]{6}$/),
    });

    // Renaming a group renames its board.
    const renamed = await live.request(
      'PATCH',
      `/api/routines/${run.id}/groups/${run.groups[1].boardId}`,
      { name: 'Owls' },
      cookie,
    );
    expect((await json(renamed)).groups[1].name).toBe('Owls');
    const owls = await client(run.groups[1].boardId);
    expect(owls.board.meta.get('title')).toBe('Owls · Think – Pair – Share');
  });

  it('the librarian moves every group along at once; each board shows the same deadline', async () => {
    const cookie = await librarianServer();
    const run = await startRun(cookie, 'think-pair-share', ['A', 'B']);
    const [a, b] = [await client(run.groups[0].boardId), await client(run.groups[1].boardId)];
    const before = Date.now();
    const started = await live.request(
      'POST',
      `/api/routines/${run.id}/phase`,
      { action: 'start' },
      cookie,
    );
    expect(await json(started)).toEqual(
      run.groups.map((g: { boardId: string }) => ({ boardId: g.boardId })),
    );
    await eventually(() => expect(routine(a).phaseEndsAt).not.toBeNull());
    await eventually(() => expect(routine(b).phaseEndsAt).toBe(routine(a).phaseEndsAt));
    expect(routine(a).phaseEndsAt! - before).toBeGreaterThanOrEqual(90_000 - 50);
    expect(routine(a).phaseEndsAt! - Date.now()).toBeLessThanOrEqual(90_000);

    await live.request('POST', `/api/routines/${run.id}/phase`, { action: 'next' }, cookie);
    await eventually(() =>
      expect(routine(b)).toMatchObject({ phaseIndex: 1, pausedRemainingMs: null }),
    );
    await live.request('POST', `/api/routines/${run.id}/phase`, { action: 'next' }, cookie);
    const last = await json(
      live.request('POST', `/api/routines/${run.id}/phase`, { action: 'next' }, cookie),
    );
    expect(last[0].error).toEqual({ code: 'lastPhase' });
    expect(
      (await live.request('POST', `/api/routines/${run.id}/phase`, { action: 'jump' }, cookie))
        .status,
    ).toBe(400);
  });

  it('a phase request over a socket: the librarian’s runs, a student’s is refused', async () => {
    const cookie = await librarianServer();
    const { boardId } = await json(live.request('POST', '/api/boards', { title: 'TPS' }, cookie));
    await live.request(
      'POST',
      `/api/boards/${boardId}/routine`,
      { templateId: 'think-pair-share' },
      cookie,
    );
    const student = await connectDevice(live.server.url, boardId, {
      user: { kind: 'table', id: 't' },
    });
    const librarian = await connectDevice(live.server.url, boardId, {
      cookie,
      user: { kind: 'table', id: 'l' },
    });
    live.clients.push(student.client, librarian.client);
    student.ask({ type: 'routine', action: 'start' });
    await eventually(() =>
      expect(student.replies).toEqual([
        JSON.stringify({ error: { code: 'librarianRunsRoutine' } }),
      ]),
    );
    expect(routine(student.client).phaseEndsAt).toBeNull();
    librarian.ask({ type: 'routine', action: 'start' });
    await eventually(() => expect(routine(student.client).phaseEndsAt).not.toBeNull());
  });

  it('a deleted group’s board stays deleted: steps skip it, the overview’s watcher cannot revive it', async () => {
    const cookie = await librarianServer();
    const run = await startRun(cookie, 'think-pair-share', ['A', 'B']);
    const gone = run.groups[1].boardId as string;
    expect((await live.request('DELETE', `/api/boards/${gone}`, undefined, cookie)).status).toBe(
      204,
    );
    expect(await upgradeStatus(live.server.url, `/ws/${gone}?watch=1`, cookie)).toBe(404);
    const steps = await json(
      live.request('POST', `/api/routines/${run.id}/phase`, { action: 'start' }, cookie),
    );
    expect(steps).toEqual([
      { boardId: run.groups[0].boardId },
      { boardId: gone, error: { code: 'groupBoardDeleted' } },
    ]);
    await live.request('PATCH', `/api/routines/${run.id}/groups/${gone}`, { name: 'Owls' }, cookie);
    const boards = await json(live.request('GET', '/api/boards', undefined, cookie));
    expect(boards.map((b: { id: string }) => b.id)).toEqual([run.groups[0].boardId]);
  });

  it('the server’s clock is there for every device to set its countdown by', async () => {
    live.server = await startTestServer();
    const before = Date.now();
    const { now } = await json(live.request('GET', '/api/time'));
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('dot votes against raw clients', () => {
  it('a seat and a tablet vote within the budget; everyone sees the dots', async () => {
    const { table, mia } = await posterBoard(await librarianServer());
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1', 'n2', 'n3'] });
    mia.client.board.votes.set('mia', { voterId: 'mia', noteIds: ['n1'] });
    await eventually(() => expect(mia.client.board.votes.get('seat-1')?.noteIds).toHaveLength(3));
    await eventually(() => expect(table.client.board.votes.get('mia')?.noteIds).toEqual(['n1']));
  });

  it('a fourth dot is refused: the device starts afresh, nobody else ever sees it', async () => {
    const { boardId, table, mia } = await posterBoard(await librarianServer());
    mia.client.board.votes.set('mia', { voterId: 'mia', noteIds: ['n1', 'n2', 'n3', 'n4'] });
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('mia')).toBe(false);
    const late = await client(boardId);
    expect(late.board.votes.has('mia')).toBe(false);
  });

  it('a tablet cannot vote as a seat or another tablet', async () => {
    const { table, mia } = await posterBoard(await librarianServer());
    mia.client.board.votes.set('seat-2', { voterId: 'seat-2', noteIds: ['n1'] });
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('seat-2')).toBe(false);
  });

  it('no dots on a board without a vote; a new routine clears old dots', async () => {
    const cookie = await librarianServer();
    const { boardId, table } = await posterBoard(cookie);
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1'] });
    await live.request(
      'POST',
      `/api/boards/${boardId}/routine`,
      { templateId: 'see-think-wonder' },
      cookie,
    );
    await eventually(() => expect(routine(table.client).templateId).toBe('see-think-wonder'));
    expect(table.client.board.votes.size).toBe(0);
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1'] });
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);
  });
  it('a device cannot mint a tablet and vote as it in the same change', async () => {
    const { table, mia } = await posterBoard(await librarianServer());
    mia.client.doc.transact(() => {
      mia.client.board.participants.set('ghost', {
        id: 'ghost',
        kind: 'tablet',
        name: 'Ghost',
        color: '#1971c2',
        joinedAt: Date.now(),
        keyHash: deviceKeyHash(MIA_KEY),
      });
      mia.client.board.votes.set('ghost', { voterId: 'ghost', noteIds: ['n1', 'n2', 'n3'] });
    });
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('ghost')).toBe(false);
  });

  it('a device without Mia’s key cannot vote as Mia, nor take over her tablet', async () => {
    const { boardId, table } = await posterBoard(await librarianServer());
    const impostor = await live.device(boardId, {
      user: { kind: 'tablet', id: 'mia' },
      deviceKey: 'someone-else-key-000000001',
    });
    impostor.client.board.votes.set('mia', { voterId: 'mia', noteIds: ['n1'] });
    expect(await impostor.closed).toBe(CLOSE_CHANGE_REFUSED);

    const thief = await live.device(boardId, {
      deviceKey: 'someone-else-key-000000001',
    });
    runCommand(
      thief.client.board,
      joinAsTablet,
      {
        id: 'mia',
        name: 'Not Mia',
        color: '#000000',
        keyHash: deviceKeyHash('someone-else-key-000000001'),
      },
      localOrigin('mia'),
    );
    expect(await thief.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('mia')).toBe(false);
    expect(table.client.board.participants.get('mia')?.name).toBe('Mia');
  });

  it('a socket that shows itself as another tablet still votes only as its own', async () => {
    const { mia, table } = await posterBoard(await librarianServer());
    // Presence is display only: who a socket votes as comes from its device key.
    mia.client.provider.awareness.setLocalStateField('user', {
      kind: 'tablet',
      id: 'leo',
      name: 'Leo',
      color: '#1971c2',
    });
    mia.client.board.votes.set('leo', { voterId: 'leo', noteIds: ['n1'] });
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('leo')).toBe(false);
  });

  it('dots go on notes only, clearing the board clears them, none on a locked board', async () => {
    const cookie = await librarianServer();
    const { boardId, table, tableCookie } = await posterBoard(cookie);
    const librarian = await live.device(boardId, { cookie });
    const title = [...table.client.board.elements.values()].find((e) => e.type === 'text')!;
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: [title.id] });
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);

    const again = await live.device(boardId, {
      cookie: tableCookie,
      user: { kind: 'table', id: 'table-2' },
    });
    again.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1'] });
    await eventually(() => expect(librarian.client.board.votes.has('seat-1')).toBe(true));
    librarian.ask({ type: 'clear' });
    await eventually(() => expect(again.client.board.votes.size).toBe(0));

    addAnswer(again.client, 'n9', 0);
    await eventually(() => expect(librarian.client.board.elements.has('n9')).toBe(true));
    librarian.ask({ type: 'lock', locked: true });
    await eventually(() =>
      expect(again.client.board.control.get('lock')).toEqual({ locked: true }),
    );
    again.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n9'] });
    expect(await again.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(librarian.client);
    expect(librarian.client.board.votes.size).toBe(0);
  });
});

describe('dots only in the Vote phase', () => {
  it('a raw client dotting while the class answers is refused; in Vote the honest one counts', async () => {
    const cookie = await librarianServer();
    const { boardId, table, mia } = await posterBoard(cookie, 'Answer');
    expect(routine(mia.client).phases.map((p) => p.votes ?? false)).toEqual([false, true, false]);
    // Answering: the modified client places a dot anyway; nobody ever sees it.
    mia.client.board.votes.set('mia', { voterId: 'mia', noteIds: ['n1'] });
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(table.client);
    expect(table.client.board.votes.has('mia')).toBe(false);
    expect((await client(boardId)).board.votes.size).toBe(0);

    // The librarian moves on to Vote: the same dot, sent honestly, is kept and relayed.
    await librarianSteps(boardId, cookie, ['next'], 'Vote');
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1', 'n2'] });
    const watcher = await client(boardId);
    await eventually(() =>
      expect(watcher.board.votes.get('seat-1')?.noteIds).toEqual(['n1', 'n2']),
    );

    // Talk: voting is over; a further dot is refused, the dots placed stay.
    await librarianSteps(boardId, cookie, ['next'], 'Talk');
    table.client.board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['n1', 'n2', 'n3'] });
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(watcher);
    expect(watcher.board.votes.get('seat-1')?.noteIds).toEqual(['n1', 'n2']);
  });

  it('phase lengths and the dot budget are the librarian’s to set when starting', async () => {
    const cookie = await librarianServer();
    const run = await json(
      live.request(
        'POST',
        '/api/routines',
        {
          templateId: 'question-poster',
          groups: ['A'],
          phaseSeconds: [300, 60, null],
          votesPerParticipant: 5,
        },
        cookie,
      ),
    );
    const c = await client(run.groups[0].boardId);
    expect(routine(c).phases.map((p) => p.seconds)).toEqual([300, 60, null]);
    expect(routine(c)).toMatchObject({ votesPerParticipant: 5, pausedRemainingMs: 300_000 });

    const created = await json(live.request('POST', '/api/boards', { title: 'x' }, cookie));
    for (const [body, message] of [
      [{ templateId: 'question-poster', phaseSeconds: [5] }, /10 to 7200/],
      [{ templateId: 'question-poster', phaseSeconds: [60, 60, 60, 60] }, /up to 3 lengths/],
      [{ templateId: 'question-poster', votesPerParticipant: 0 }, /1 to 20/],
      [{ templateId: 'think-pair-share', votesPerParticipant: 3 }, /no dot-vote/],
    ] as const) {
      const res = await live.request(
        'POST',
        `/api/boards/${created.boardId}/routine`,
        body,
        cookie,
      );
      expect(res.status).toBe(400);
      expect((await json(res)).error).toMatch(message);
    }
  });
});

describe('saved templates', () => {
  it('the librarian keeps a board as a template and starts a new board from it', async () => {
    const cookie = await librarianServer();
    const { boardId } = await json(live.request('POST', '/api/boards', { title: 'Ours' }, cookie));
    await live.request(
      'POST',
      `/api/boards/${boardId}/routine`,
      { templateId: 'group-design-task', prompt: 'Design a robot' },
      cookie,
    );
    const saved = await live.request(
      'POST',
      '/api/templates',
      { boardId, title: 'Robot task' },
      cookie,
    );
    expect(saved.status).toBe(201);
    const { id } = await json(saved);
    const catalog = await json(live.request('GET', '/api/templates', undefined, cookie));
    expect(catalog.map((t: { id: string }) => t.id)).toEqual([
      'see-think-wonder',
      'think-pair-share',
      'question-poster',
      'group-design-task',
      id,
    ]);

    const run = await json(
      live.request('POST', '/api/routines', { templateId: id, groups: ['Group A'] }, cookie),
    );
    const c = await client(run.groups[0].boardId);
    expect(texts(c)).toContain('Design a robot');
    expect(routine(c).phases).toEqual([]); // a saved board is a starting point, not a routine

    expect(
      (await live.request('DELETE', '/api/templates/think-pair-share', undefined, cookie)).status,
    ).toBe(400);
    expect((await live.request('DELETE', `/api/templates/${id}`, undefined, cookie)).status).toBe(
      204,
    );
    expect((await live.request('DELETE', `/api/templates/${id}`, undefined, cookie)).status).toBe(
      404,
    );
  });

  it('bad requests get a 4xx with a message', async () => {
    const cookie = await librarianServer();
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/routines', { templateId: 'think-pair-share', groups: [] }, 400],
      ['POST', '/api/routines', { templateId: 'think-pair-share', groups: ['A', 'A'] }, 400],
      ['POST', '/api/routines', { templateId: 'nope', groups: ['A'] }, 404],
      ['POST', '/api/boards/nope/routine', { templateId: 'think-pair-share' }, 404],
      ['POST', '/api/templates', { boardId: 'nope', title: 'X' }, 404],
      ['GET', '/api/routines/nope', undefined, 404],
      ['POST', '/api/routines/nope/phase', { action: 'start' }, 404],
      // A body far over the limit still gets an answer, not a reset connection.
      ['POST', '/api/routines', { templateId: 'x', groups: ['A'], pad: 'x'.repeat(50_000) }, 400],
      ['POST', '/api/templates', { boardId: 'b'.repeat(5_000), title: 'X' }, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await live.request(method, path, body, cookie);
      expect([path, res.status]).toEqual([path, status]);
      expect((await json(res)).error).toEqual(expect.any(String));
    }
  });
});
