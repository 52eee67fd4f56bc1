import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connectClient, eventually } from './clients';
import { serverPerTest, signInAsLibrarian, startTestServer } from './helpers';

const live = serverPerTest();

interface Listed {
  id: string;
  title: string;
  elements: number;
  archived: boolean;
  devices: number;
}

async function list(cookie: string): Promise<Listed[]> {
  return (await (await live.request('GET', '/api/boards', undefined, cookie)).json()) as Listed[];
}

describe('the boards summary', () => {
  it('shows what devices changed: live while they are on it, stored once they leave', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signInAsLibrarian(live.server, '2468');
    const { boardId } = (await (
      await live.request('POST', '/api/boards', { title: 'Rivers' }, cookie)
    ).json()) as { boardId: string };
    const device = await connectClient(live.server.url, boardId);
    live.clients.push(device);
    device.board.meta.set('title', 'Rivers of Europe');
    await eventually(async () =>
      expect((await list(cookie))[0]).toMatchObject({ title: 'Rivers of Europe', devices: 1 }),
    );
    device.destroy();
    await eventually(async () => expect((await list(cookie))[0]!.devices).toBe(0));
    // Nobody on it: the list reads the stored summary, written as the last device left.
    expect((await list(cookie))[0]!.title).toBe('Rivers of Europe');
    const restarted = await live.server.restart();
    live.server = restarted;
    const again = await signInAsLibrarian(restarted, '2468');
    expect(await list(again)).toEqual([
      expect.objectContaining({ id: boardId, title: 'Rivers of Europe', devices: 0 }),
    ]);
  });

  it('summarises boards stored before it existed once, keeping their archived flag', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signInAsLibrarian(live.server, '2468');
    const { boardId } = (await (
      await live.request('POST', '/api/boards', { title: 'Volcanoes' }, cookie)
    ).json()) as { boardId: string };
    await live.request('PATCH', `/api/boards/${boardId}`, { archived: true }, cookie);
    await live.server.close();
    // The database as an older server left it: no summaries, archived flags on their own.
    const db = new Database(join(live.server.dataDir, 'roundtable.sqlite'));
    db.exec(`DROP TABLE board_summaries;
      CREATE TABLE archived_boards (board_id TEXT PRIMARY KEY, archived_at INTEGER NOT NULL)`);
    db.prepare('INSERT INTO archived_boards VALUES (?, ?)').run(boardId, Date.now());
    db.close();
    live.server = await live.server.restart();
    const again = await signInAsLibrarian(live.server, '2468');
    expect(await list(again)).toEqual([
      expect.objectContaining({ id: boardId, title: 'Volcanoes', archived: true, elements: 0 }),
    ]);
  });
});
