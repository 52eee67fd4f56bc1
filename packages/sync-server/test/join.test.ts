import { joinCodeFor } from '@roundtable/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, drawStroke, eventually } from './clients';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('joining a board from a tablet', () => {
  it('gives the table a short code and tablet addresses, and finds the board by its code', async () => {
    const table = await connectClient(server.url, 'library-table');
    drawStroke(table);
    const info = (await (await fetch(`${server.url}/api/boards/library-table/join`)).json()) as {
      code: string;
      urls: string[];
    };
    expect(info.code).toBe(joinCodeFor('library-table'));
    // The address the table itself used is offered too (after the LAN ones).
    expect(info.urls).toContain(`${server.url}/b/library-table?layout=tablet`);
    expect(info.urls.every((url) => url.endsWith('/b/library-table?layout=tablet'))).toBe(true);

    // Typed by a student: lower case, with a dash.
    const typed = `${info.code.slice(0, 3).toLowerCase()}-${info.code.slice(3)}`;
    await eventually(async () => {
      const found = await fetch(`${server.url}/api/join/${typed}`);
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ boardId: 'library-table' });
    });
    const redirect = await fetch(`${server.url}/j/${info.code}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/b/library-table?layout=tablet');
    table.destroy();
  });

  it('answers an unknown or malformed code with 404 and a bad board id with 400, as JSON', async () => {
    for (const path of ['/api/join/ZZZZZZ', '/api/join/nope', '/j/%E0%A4%A']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBeLessThan(500);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    const bad = await fetch(`${server.url}/api/boards/not%20a%20board/join`);
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/api/join/ABCDEF`, { method: 'POST' })).status).toBe(405);
  });
});
