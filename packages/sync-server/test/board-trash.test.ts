import { addElement, CLOSE_BOARD_CLOSED, localOrigin, runCommand } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { connectClient, drawStroke, eventually, type SyncClient } from './clients';
import { json, serverPerTest, signInAsLibrarian, startTestServer } from './helpers';
import { tinyPng } from './images';

const live = serverPerTest();
const { request } = live;

async function boardWithStrokes(title: string) {
  live.server = await startTestServer({ librarianPin: '2468' });
  const cookie = await signInAsLibrarian(live.server, '2468');
  const { boardId } = await json(request('POST', '/api/boards', { title }, cookie));
  const device = await live.device(boardId);
  drawStroke(device.client, 'seat-1', 100);
  drawStroke(device.client, 'seat-1', 300);
  const list = async () =>
    (await json(request('GET', '/api/boards', undefined, cookie))) as {
      id: string;
      elements: number;
    }[];
  await eventually(async () => expect((await list())[0]?.elements).toBe(2));
  return { cookie, boardId, device, list };
}

describe('deleting a board a class is on', () => {
  it('says how many devices are on it, closes it on them when asked, and can bring it back', async () => {
    const { cookie, boardId, device, list } = await boardWithStrokes('Seasons');
    const refused = await request('DELETE', `/api/boards/${boardId}`, undefined, cookie);
    expect(refused.status).toBe(409);
    expect((await json(refused)).error).toMatch(/^1 device is on this board/);

    const closed = await request('DELETE', `/api/boards/${boardId}?close=1`, undefined, cookie);
    expect(closed.status).toBe(204);
    expect(await device.closed).toBe(CLOSE_BOARD_CLOSED);
    expect(await list()).toEqual([]);

    const trash = await json(request('GET', '/api/trash', undefined, cookie));
    expect(trash).toEqual([expect.objectContaining({ id: boardId, title: 'Seasons' })]);
    expect(trash[0].restoreUntil - trash[0].trashedAt).toBe(30 * 24 * 60 * 60 * 1000);
    // A student cannot bring it back: it stays in the trash, and off the board list.
    expect((await request('POST', `/api/trash/${boardId}/restore`)).status).toBe(403);
    expect(await json(request('GET', '/api/trash', undefined, cookie))).toHaveLength(1);
    expect(await list()).toEqual([]);

    const restored = await request('POST', `/api/trash/${boardId}/restore`, undefined, cookie);
    expect(restored.status).toBe(200);
    expect(await json(restored)).toMatchObject({ id: boardId, title: 'Seasons', elements: 2 });
    expect(await json(request('GET', '/api/trash', undefined, cookie))).toEqual([]);
    const back = await live.client(boardId);
    await eventually(() => expect(back.board.elements.size).toBe(2));
    expect((await request('POST', `/api/trash/${boardId}/restore`, undefined, cookie)).status).toBe(
      409,
    );
  });

  it('keeps the trash the librarian’s: a student gets 403, unknown ids 404', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signInAsLibrarian(live.server, '2468');
    expect((await request('GET', '/api/trash')).status).toBe(403);
    expect((await request('POST', '/api/trash/nope/restore')).status).toBe(403);
    const missing = await request('POST', '/api/trash/nope/restore', undefined, cookie);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatch(/not in the trash/);
  });
});

describe('undoing a clear', () => {
  it('puts back what the clear took, beside what was drawn since; only once', async () => {
    const { cookie, boardId, device } = await boardWithStrokes('Poster');
    await request('POST', `/api/boards/${boardId}/clear`, undefined, cookie);
    await eventually(() => expect(device.client.board.elements.size).toBe(0));
    drawStroke(device.client, 'seat-1', 500);
    await eventually(() => expect(device.client.board.elements.size).toBe(1));
    const undone = await request('POST', `/api/boards/${boardId}/undo-clear`, undefined, cookie);
    expect(undone.status).toBe(200);
    await eventually(() => expect(device.client.board.elements.size).toBe(3));
    const again = await request('POST', `/api/boards/${boardId}/undo-clear`, undefined, cookie);
    expect(again.status).toBe(404);
    expect((await json(again)).error).toMatch(/no clear/);
  });
});

describe('pictures inside SVG renderings', () => {
  it('a board thumbnail and an exhibit carry the picture as data, never a link', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signInAsLibrarian(live.server, '2468');
    const { boardId } = await json(request('POST', '/api/boards', { title: 'Model' }, cookie));
    const asset = await json(
      fetch(`${live.server.url}/api/assets`, { method: 'POST', body: tinyPng() }),
    );
    const c: SyncClient = await connectClient(live.server.url, boardId);
    live.clients.push(c);
    runCommand(
      c.board,
      addElement,
      {
        ...{ type: 'image', authorId: 'seat-1', x: 0, y: 0, w: 200, h: 100, rotation: 0 },
        ...{ assetId: asset.id, alt: 'our model' },
      },
      localOrigin('seat-1'),
    );
    await eventually(async () => {
      const svg = await (
        await request('GET', `/api/boards/${boardId}/image.svg`, undefined, cookie)
      ).text();
      expect(svg).toMatch(/<image href="data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+"/);
      expect(svg).not.toContain('/api/assets');
    });
    const exhibit = await json(request('POST', '/api/exhibits', { boardId, title: 'M' }, cookie));
    const image = await request('GET', `/api/exhibits/${exhibit.id}/image.svg`);
    expect(image.headers.get('content-security-policy')).toContain("img-src 'self' data:");
    const svg = await image.text();
    expect(svg).toMatch(/<image href="data:image\/(png|jpeg);base64,/);
    expect(svg).not.toContain('/api/assets');
  });
});
