import { addElement, boardSnapshot, localOrigin, openBoard, runCommand } from '@roundtable/shared';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  drawStroke,
  eventually,
  startBoardAsLibrarian,
  syncRoundTrip,
} from './clients';
import { serverPerTest, signInAsLibrarian, startTestServer } from './helpers';
import { tinyPng } from './images';

const live = serverPerTest();

const signedIn = () => signInAsLibrarian(live.server, '2468');
const { request } = live;

interface Info {
  id: string;
  boardId: string;
  title: string;
  group: string;
  participants: string[];
  createdAt: number;
}

async function boardWithStrokes(boardId: string, count: number) {
  await startBoardAsLibrarian(live.server.url, boardId, await signedIn());
  const c = await live.client(boardId);
  for (let i = 0; i < count; i++) drawStroke(c, 'seat-1', 100 + i * 50);
  await eventually(async () => {
    const check = await connectClient(live.server.url, boardId);
    const n = check.board.elements.size;
    check.destroy();
    expect(n).toBe(count);
  });
  return c;
}

describe('exhibits', () => {
  it('the librarian saves a board as an exhibit: listed, with its snapshot and an SVG', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    const c = await boardWithStrokes('group-a', 3);
    const res = await request(
      'POST',
      '/api/exhibits',
      {
        boardId: 'group-a',
        title: 'Our superhero',
        group: 'Group A',
        description: 'Made on Monday',
      },
      cookie,
    );
    expect(res.status).toBe(201);
    const saved = (await res.json()) as Info;
    expect(saved).toMatchObject({
      boardId: 'group-a',
      title: 'Our superhero',
      group: 'Group A',
      participants: [],
    });

    const list = (await (await request('GET', '/api/exhibits')).json()) as Info[];
    expect(list.map((e) => e.id)).toEqual([saved.id]);
    expect(await (await request('GET', `/api/exhibits/${saved.id}`)).json()).toMatchObject({
      title: 'Our superhero',
    });

    const snapshot = new Uint8Array(
      await (await request('GET', `/api/exhibits/${saved.id}/snapshot`)).arrayBuffer(),
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    expect(boardSnapshot(openBoard(doc)).elements).toEqual(boardSnapshot(c.board).elements);

    const svg = await request('GET', `/api/exhibits/${saved.id}/image.svg`);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(svg.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const svgText = await svg.text();
    expect(XMLValidator.validate(svgText)).toBe(true);
    expect(svgText.match(/<path /g)).toHaveLength(3);
  });

  it('is immutable: no method changes it, and later drawing on the board does not reach it', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    const c = await boardWithStrokes('group-b', 1);
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'group-b', title: 'Before' }, cookie)
    ).json()) as Info;
    for (const method of ['PUT', 'PATCH', 'POST']) {
      const res = await request(method, `/api/exhibits/${saved.id}`, { title: 'After' }, cookie);
      expect(res.status, method).toBe(405);
    }
    expect((await request('POST', `/api/exhibits/${saved.id}/snapshot`, {}, cookie)).status).toBe(
      405,
    );
    drawStroke(c, 'seat-1', 900);
    await syncRoundTrip(c); // the server has stored the stroke on the board
    const again = new Uint8Array(
      await (await request('GET', `/api/exhibits/${saved.id}/snapshot`)).arrayBuffer(),
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, again);
    expect(openBoard(doc).elements.size).toBe(1);
    expect(((await (await request('GET', `/api/exhibits/${saved.id}`)).json()) as Info).title).toBe(
      'Before',
    );
  });

  it('refuses students: saving and deleting need the librarian; deleted ones are gone', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    await boardWithStrokes('group-c', 1);
    expect(
      (await request('POST', '/api/exhibits', { boardId: 'group-c', title: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await request(
          'POST',
          '/api/exhibits',
          { boardId: 'group-c', title: 'x' },
          'rt_librarian=forged',
        )
      ).status,
    ).toBe(403);
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'group-c', title: 'Keep' }, cookie)
    ).json()) as Info;
    expect((await request('DELETE', `/api/exhibits/${saved.id}`)).status).toBe(403);
    expect((await request('GET', `/api/exhibits/${saved.id}`)).status).toBe(200);
    expect((await request('DELETE', `/api/exhibits/${saved.id}`, undefined, cookie)).status).toBe(
      204,
    );
    expect((await request('GET', `/api/exhibits/${saved.id}`)).status).toBe(404);
    // Bad requests get a clear 4xx.
    expect(
      (await request('POST', '/api/exhibits', { boardId: 'no such board', title: 'x' }, cookie))
        .status,
    ).toBe(400);
    expect(
      (await request('POST', '/api/exhibits', { boardId: 'never-used', title: 'x' }, cookie))
        .status,
    ).toBe(404);
    expect((await request('POST', '/api/exhibits', { boardId: 'group-c' }, cookie)).status).toBe(
      400,
    );
    expect((await request('GET', '/api/exhibits/../secret')).status).toBe(404);
  });

  it('keeps exhibits across a restart', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    await boardWithStrokes('group-d', 2);
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'group-d', title: 'Stays' }, cookie)
    ).json()) as Info;
    for (const c of live.clients.splice(0)) c.destroy();
    live.server = await live.server.restart();
    expect(
      ((await (await request('GET', '/api/exhibits')).json()) as Info[]).map((e) => e.id),
    ).toEqual([saved.id]);
  });

  it('starts a new board from an exhibit (librarian only), leaving the exhibit as it was', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    await boardWithStrokes('group-e', 2);
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'group-e', title: 'Seed' }, cookie)
    ).json()) as Info;
    expect((await request('POST', `/api/exhibits/${saved.id}/boards`)).status).toBe(403);
    expect((await request('GET', `/api/exhibits/${saved.id}/boards`)).status).toBe(405);
    const res = await request('POST', `/api/exhibits/${saved.id}/boards`, {}, cookie);
    expect(res.status).toBe(201);
    const { boardId } = (await res.json()) as { boardId: string };
    expect(boardId).not.toBe('group-e');
    const c = await live.client(boardId);
    expect(c.board.elements.size).toBe(2);
    expect(c.board.meta.get('title')).toBe('Seed');
    drawStroke(c, 'seat-1', 700);
    await syncRoundTrip(c); // the server has stored the stroke on the new board
    const snap = new Uint8Array(
      await (await request('GET', `/api/exhibits/${saved.id}/snapshot`)).arrayBuffer(),
    );
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snap);
    expect(openBoard(doc).elements.size).toBe(2);
  });

  it('keeps its pictures after the board it came from is deleted', async () => {
    live.server = await startTestServer({ librarianPin: '2468' });
    const cookie = await signedIn();
    const uploaded = await fetch(`${live.server.url}/api/assets`, {
      method: 'POST',
      body: tinyPng(),
    });
    const { id: assetId } = (await uploaded.json()) as { id: string };
    await startBoardAsLibrarian(live.server.url, 'pictures', cookie);
    const c = await connectClient(live.server.url, 'pictures');
    runCommand(
      c.board,
      addElement,
      {
        type: 'image',
        x: 0,
        y: 0,
        rotation: 0,
        authorId: 'seat-1',
        assetId,
        w: 200,
        h: 100,
        alt: 'a photo',
      },
      localOrigin('seat-1'),
    );
    await eventually(async () => {
      const svg = await (
        await request('GET', '/api/boards/pictures/image.svg', undefined, cookie)
      ).text();
      expect(svg).toContain('<image href="data:image/');
    });
    const saved = (await (
      await request('POST', '/api/exhibits', { boardId: 'pictures', title: 'With a photo' }, cookie)
    ).json()) as Info;
    c.destroy();
    await eventually(async () =>
      expect((await request('DELETE', '/api/boards/pictures', undefined, cookie)).status).toBe(204),
    );

    // The picture is inside the exhibit's SVG, so it shows wherever the SVG goes.
    const svg = await (await request('GET', `/api/exhibits/${saved.id}/image.svg`)).text();
    expect(svg).toContain('<image href="data:image/');
    expect(svg).not.toContain('/api/assets/');
    const picture = await request('GET', `/api/assets/${assetId}`);
    expect(picture.status).toBe(200);
    expect(Buffer.from(await picture.arrayBuffer()).equals(Buffer.from(tinyPng()))).toBe(true);
  });
});
