import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { drawStroke, eventually, startBoardAsLibrarian } from './clients';
import { serverPerTest, signInAsLibrarian, startTestServer } from './helpers';

const live = serverPerTest();

const signedIn = () => signInAsLibrarian(live.server, '2468');
const { request } = live;

interface Summary {
  id: string;
  title: string;
  elements: number;
  archived: boolean;
  devices: number;
}

describe('the librarian’s boards', () => {
  it('creates, renames, duplicates, archives and deletes boards', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    const created = await request('POST', '/api/boards', { title: 'Group A' }, cookie);
    expect(created.status).toBe(201);
    const { boardId } = (await created.json()) as { boardId: string };
    const list = async () =>
      (await (await request('GET', '/api/boards', undefined, cookie)).json()) as Summary[];
    expect(await list()).toEqual([
      expect.objectContaining({ id: boardId, title: 'Group A', elements: 0 }),
    ]);

    const c = await live.client(boardId);
    drawStroke(c, 'seat-1', 100);
    drawStroke(c, 'seat-1', 300);
    await eventually(async () => expect((await list())[0]!.elements).toBe(2));

    expect(
      (await request('PATCH', `/api/boards/${boardId}`, { title: 'Group A – heroes' }, cookie))
        .status,
    ).toBe(200);
    await eventually(() => expect(c.board.meta.get('title')).toBe('Group A – heroes'));

    const copy = (await (
      await request('POST', `/api/boards/${boardId}/duplicate`, undefined, cookie)
    ).json()) as { boardId: string };
    const boards = await list();
    expect(boards.find((b) => b.id === copy.boardId)).toMatchObject({
      title: 'Group A – heroes (copy)',
      elements: 2,
    });

    const svg = await request('GET', `/api/boards/${boardId}/image.svg`, undefined, cookie);
    expect(XMLValidator.validate(await svg.text())).toBe(true);

    // Lock, the talking pencil and clearing, from the home page, reach the devices on the board.
    await request('PATCH', `/api/boards/${boardId}`, { locked: true, pencil: 'pencil' }, cookie);
    await eventually(() => expect(c.board.control.get('lock')).toEqual({ locked: true }));
    expect(c.board.control.get('pencil')).toMatchObject({ mode: 'pencil' });
    expect((await list()).find((b) => b.id === boardId)).toMatchObject({
      locked: true,
      pencil: 'pencil',
    });
    await request('PATCH', `/api/boards/${boardId}`, { locked: false, pencil: 'open' }, cookie);
    expect(
      (await request('PATCH', `/api/boards/${boardId}`, { pencil: 'maybe' }, cookie)).status,
    ).toBe(400);
    expect((await request('POST', `/api/boards/${boardId}/clear`, undefined, cookie)).status).toBe(
      200,
    );
    await eventually(() => expect(c.board.elements.size).toBe(0));

    await request('PATCH', `/api/boards/${copy.boardId}`, { archived: true }, cookie);
    expect((await list()).find((b) => b.id === copy.boardId)!.archived).toBe(true);

    // A board with a device on it is not deleted under its feet.
    expect((await request('DELETE', `/api/boards/${boardId}`, undefined, cookie)).status).toBe(409);
    for (const client of live.clients.splice(0)) client.destroy();
    await eventually(async () =>
      expect((await list()).find((b) => b.id === boardId)!.devices).toBe(0),
    );
    expect((await request('DELETE', `/api/boards/${boardId}`, undefined, cookie)).status).toBe(204);
    expect((await list()).map((b) => b.id)).toEqual([copy.boardId]);
    expect((await request('PATCH', `/api/boards/${boardId}`, { title: 'x' }, cookie)).status).toBe(
      404,
    );
    expect(
      (await request('PATCH', `/api/boards/${copy.boardId}`, { archived: 'yes' }, cookie)).status,
    ).toBe(400);
  });

  it('refuses a student every librarian action over HTTP', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    await startBoardAsLibrarian(live.server.url, 'existing', cookie);
    const c = await live.client('existing');
    drawStroke(c);
    await eventually(async () =>
      expect((await request('GET', '/api/boards', undefined, cookie)).status).toBe(200),
    );
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'existing', title: 't' }, cookie)
    ).json()) as { id: string };
    const run = (await (
      await request(
        'POST',
        '/api/routines',
        { templateId: 'think-pair-share', groups: ['A'] },
        cookie,
      )
    ).json()) as { id: string; groups: { boardId: string }[] };
    const actions: [string, string, unknown?][] = [
      ['GET', '/api/boards'],
      ['POST', '/api/boards', { title: 'mine' }],
      ['PATCH', '/api/boards/existing', { title: 'hacked' }],
      ['POST', '/api/boards/existing/duplicate'],
      ['POST', '/api/boards/existing/clear'],
      ['PATCH', '/api/boards/existing', { locked: true }],
      ['PATCH', '/api/boards/existing', { pencil: 'pencil' }],
      ['DELETE', '/api/boards/existing'],
      ['DELETE', '/api/boards/existing?close=1'],
      ['POST', '/api/boards/existing/undo-clear'],
      ['GET', '/api/boards/existing/image.svg'],
      ['POST', '/api/exhibits', { boardId: 'existing', title: 'x' }],
      ['DELETE', `/api/exhibits/${saved.id}`],
      ['POST', `/api/exhibits/${saved.id}/boards`],
      ['GET', '/api/templates'],
      ['POST', '/api/templates', { boardId: 'existing', title: 'x' }],
      ['DELETE', '/api/templates/saved-x'],
      ['POST', '/api/boards/existing/routine', { templateId: 'question-poster' }],
      ['GET', '/api/routines'],
      ['POST', '/api/routines', { templateId: 'think-pair-share', groups: ['A'] }],
      ['POST', `/api/routines/${run.id}/phase`, { action: 'start' }],
      ['PATCH', `/api/routines/${run.id}/groups/${run.groups[0]!.boardId}`, { name: 'x' }],
    ];
    for (const [method, path, body] of actions) {
      for (const asWho of [undefined, 'rt_librarian=guessed']) {
        const res = await request(method, path, body, asWho);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(((await res.json()) as { error: string }).error).toMatch(/librarian/);
      }
    }
    expect((await request('POST', '/api/librarian/setup', { pin: '1111' })).status).toBe(409);
    // Nothing changed.
    expect(c.board.meta.get('title')).toBe('');
    expect(c.board.elements.size).toBe(1);
    expect(c.board.control.get('lock')).toEqual({ locked: false });
    expect((c.board.control.get('routine') as { phases: unknown[] }).phases).toEqual([]);
    expect((await request('GET', `/api/exhibits/${saved.id}`)).status).toBe(200);
  });
});
