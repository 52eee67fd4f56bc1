import { builtInTemplate, type RoutineState } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { connectClient, eventually } from './clients';
import { call, serverPerTest, signInAsLibrarian, startTestServer } from './helpers';

const PIN = '2468';
const live = serverPerTest();

const settings = async () => (await call(live.server, 'GET', '/api/settings')).json();

describe('the library’s settings', () => {
  it('any device reads the default language; only the librarian sets it; it survives a restart', async () => {
    live.server = await startTestServer({ librarianPin: PIN });
    expect(await settings()).toEqual({ defaultLocale: null });

    // A student's tablet cannot change it.
    expect((await call(live.server, 'PUT', '/api/settings', { defaultLocale: 'ar' })).status).toBe(
      403,
    );
    const cookie = await signInAsLibrarian(live.server, PIN);
    for (const bad of [{ defaultLocale: 'de' }, { defaultLocale: 3 }, { other: true }]) {
      expect((await call(live.server, 'PUT', '/api/settings', bad, cookie)).status).toBe(400);
    }
    const put = await call(live.server, 'PUT', '/api/settings', { defaultLocale: 'ar' }, cookie);
    expect(put.status).toBe(200);
    expect(await settings()).toEqual({ defaultLocale: 'ar' });

    live.server = await live.server.restart();
    expect(await settings()).toEqual({ defaultLocale: 'ar' });
    const cleared = await signInAsLibrarian(live.server, PIN);
    await call(live.server, 'PUT', '/api/settings', { defaultLocale: null }, cleared);
    expect(await settings()).toEqual({ defaultLocale: null });
  });
});

describe('routines in the librarian’s language', () => {
  it('lists and starts a built-in routine worded in the language the request names', async () => {
    live.server = await startTestServer({ librarianPin: PIN });
    const cookie = await signInAsLibrarian(live.server, PIN);
    const spanish = builtInTemplate('think-pair-share', 'es')!;
    const catalog = (await (
      await call(live.server, 'GET', '/api/templates?locale=es', undefined, cookie)
    ).json()) as { id: string; title: string }[];
    expect(catalog.find((t) => t.id === 'think-pair-share')?.title).toBe(spanish.title);

    const board = (await (await call(live.server, 'POST', '/api/boards', {}, cookie)).json()) as {
      boardId: string;
    };
    const started = await call(
      live.server,
      'POST',
      `/api/boards/${board.boardId}/routine`,
      { templateId: 'think-pair-share', locale: 'es' },
      cookie,
    );
    expect(started.status).toBe(200);
    const c = await connectClient(live.server.url, board.boardId);
    live.clients.push(c);
    await eventually(() =>
      expect((c.board.control.get('routine') as RoutineState | undefined)?.title).toBe(
        spanish.title,
      ),
    );
    const routine = c.board.control.get('routine') as RoutineState;
    expect(routine.phases.map((p) => p.name)).toEqual(spanish.phases.map((p) => p.name));
    const texts = [...c.board.elements.values()].map((e) => ('text' in e ? e.text : ''));
    expect(texts).toContain(spanish.prompt!.default);
    expect(texts).not.toContain(builtInTemplate('think-pair-share', 'en')!.prompt!.default);

    // A language the server does not ship is refused, not silently English.
    const unknown = await call(
      live.server,
      'POST',
      `/api/boards/${board.boardId}/routine`,
      { templateId: 'think-pair-share', locale: 'de' },
      cookie,
    );
    expect(unknown.status).toBe(400);
  });
});
