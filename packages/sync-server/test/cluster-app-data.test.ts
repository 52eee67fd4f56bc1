import { addElement, localOrigin, runCommand } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { drawStroke, type SyncClient, syncRoundTrip } from './clients';
import { clusterPerTest } from './cluster-fixture';
import { call, json, signInAsLibrarian } from './helpers';
import { tinyPng } from './images';

/**
 * Cluster mode keeps the library's own data in PostgreSQL: exhibits, saved templates, group
 * runs and images saved through one process are the same on every other (each process has
 * its own DATA_DIR, so nothing here can come from a shared disk).
 */
const live = clusterPerTest();
const PIN = '2468';

const bytes = async (res: Response | Promise<Response>) =>
  Buffer.from(await (await res).arrayBuffer());

/** Two processes and a librarian signed in on the first (her cookie works on both). */
async function twoProcesses() {
  const {
    processes: [a, b],
  } = await live.cluster(2, { LIBRARIAN_PIN: PIN });
  return { a: a!, b: b!, cookie: await signInAsLibrarian(a!, PIN) };
}

/** A board started by the librarian on `process`, which owns it while this device stays. */
const boardOn = (process: { url: string }, boardId: string, cookie: string) =>
  live.client(process, boardId, { cookie });

const texts = (c: SyncClient) =>
  [...c.board.elements.values()].flatMap((e) => (e.type === 'text' ? [e.text] : []));

describe('cluster mode: the library’s data is the same on every process', () => {
  it('an exhibit saved on one process is listed and served by another, and deleted everywhere', async () => {
    const { a, b, cookie } = await twoProcesses();
    const device = await boardOn(a, 'mural', cookie);
    for (let k = 0; k < 3; k++) drawStroke(device, 'seat-1', 100 + k * 50);
    await syncRoundTrip(device);
    const saved = await call(
      a,
      'POST',
      '/api/exhibits',
      { boardId: 'mural', title: 'Our mural', group: 'Owls', description: 'Monday' },
      cookie,
    );
    expect(saved.status).toBe(201);
    const info = await json(saved);
    expect(info).toMatchObject({ boardId: 'mural', title: 'Our mural', group: 'Owls' });

    expect(await json(call(b, 'GET', '/api/exhibits'))).toEqual([info]);
    expect(await json(call(b, 'GET', `/api/exhibits/${info.id}`))).toEqual(info);
    const snapshotOnA = await bytes(call(a, 'GET', `/api/exhibits/${info.id}/snapshot`));
    expect(snapshotOnA.length).toBeGreaterThan(0);
    expect(await bytes(call(b, 'GET', `/api/exhibits/${info.id}/snapshot`))).toEqual(snapshotOnA);
    const svgOnA = await (await call(a, 'GET', `/api/exhibits/${info.id}/image.svg`)).text();
    expect(svgOnA).toContain('<svg');
    expect(await (await call(b, 'GET', `/api/exhibits/${info.id}/image.svg`)).text()).toBe(svgOnA);

    expect((await call(b, 'DELETE', `/api/exhibits/${info.id}`, undefined, cookie)).status).toBe(
      204,
    );
    expect(await json(call(a, 'GET', '/api/exhibits'))).toEqual([]);
    expect((await call(a, 'GET', `/api/exhibits/${info.id}`)).status).toBe(404);
    expect((await call(a, 'DELETE', `/api/exhibits/${info.id}`, undefined, cookie)).status).toBe(
      404,
    );
  }, 60_000);

  it('an image uploaded through one process is served by another, byte for byte, and drawn in its exhibits', async () => {
    const { a, b, cookie } = await twoProcesses();
    const png = tinyPng(200);
    const uploaded = await fetch(`${a.url}/api/assets`, { method: 'POST', body: png });
    expect(uploaded.status).toBe(201);
    const { id, url } = await json(uploaded);

    const served = await fetch(`${b.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(png));
    const head = await fetch(`${b.url}${url}`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(png.length));
    // The same photo through the other process is the same image, stored once.
    const again = await fetch(`${b.url}/api/assets`, { method: 'POST', body: png });
    expect((await json(again)).id).toBe(id);
    expect((await fetch(`${a.url}/api/assets/${'0'.repeat(64)}`)).status).toBe(404);

    // A board on B shows the picture uploaded through A; its exhibit carries it inside.
    const device = await boardOn(b, 'pictures', cookie);
    runCommand(
      device.board,
      addElement,
      {
        ...{ type: 'image', x: 0, y: 0, rotation: 0, authorId: 'seat-1', assetId: id },
        ...{ w: 200, h: 100, alt: 'a photo' },
      },
      localOrigin('seat-1'),
    );
    await syncRoundTrip(device);
    const exhibit = await json(
      call(b, 'POST', '/api/exhibits', { boardId: 'pictures', title: 'With a photo' }, cookie),
    );
    const svg = await (await call(a, 'GET', `/api/exhibits/${exhibit.id}/image.svg`)).text();
    expect(svg).toContain('<image href="data:image/');
  }, 60_000);

  it('a template kept on one process starts groups on another; runs are listed on both', async () => {
    const { a, b, cookie } = await twoProcesses();
    await boardOn(a, 'robots', cookie);
    const started = await call(
      a,
      'POST',
      '/api/boards/robots/routine',
      { templateId: 'group-design-task', prompt: 'Design a robot' },
      cookie,
    );
    expect(started.status).toBe(200);
    const kept = await call(
      a,
      'POST',
      '/api/templates',
      { boardId: 'robots', title: 'Robot task' },
      cookie,
    );
    expect(kept.status).toBe(201);
    const template = await json(kept);

    const catalogOnB = await json(call(b, 'GET', '/api/templates', undefined, cookie));
    expect(catalogOnB.filter((t: { saved: boolean }) => t.saved)).toEqual([template]);

    // A group run from it, started on B: its board has the kept content (read from PostgreSQL).
    const run = await json(
      call(
        b,
        'POST',
        '/api/routines',
        { templateId: template.id, groups: ['Group A', 'Group B'] },
        cookie,
      ),
    );
    expect(run.groups).toHaveLength(2);
    const group = await live.client(b, run.groups[0].boardId);
    expect(texts(group)).toContain('Design a robot');

    // A run started on A, too: both are listed on either process, newest first.
    const other = await json(
      call(
        a,
        'POST',
        '/api/routines',
        { templateId: 'think-pair-share', groups: ['Owls'] },
        cookie,
      ),
    );
    for (const process of [a, b]) {
      const runs = await json(call(process, 'GET', '/api/routines', undefined, cookie));
      expect(runs.map((r: { id: string }) => r.id)).toEqual([other.id, run.id]);
    }
    expect(await json(call(b, 'GET', `/api/routines/${other.id}`))).toEqual(other);
    expect(await json(call(a, 'GET', `/api/routines/${run.id}`))).toEqual(run);

    // Deleted on B: gone from A's catalogue, and A cannot delete it again.
    expect(
      (await call(b, 'DELETE', `/api/templates/${template.id}`, undefined, cookie)).status,
    ).toBe(204);
    const catalogOnA = await json(call(a, 'GET', '/api/templates', undefined, cookie));
    expect(catalogOnA.some((t: { id: string }) => t.id === template.id)).toBe(false);
    expect(
      (await call(a, 'DELETE', `/api/templates/${template.id}`, undefined, cookie)).status,
    ).toBe(404);
  }, 60_000);

  it('the library’s default language set on one process is every process’s', async () => {
    const { a, b, cookie } = await twoProcesses();
    expect(await json(call(b, 'GET', '/api/settings'))).toEqual({ defaultLocale: null });
    const set = await call(a, 'PUT', '/api/settings', { defaultLocale: 'fr' }, cookie);
    expect(set.status).toBe(200);
    expect(await json(call(b, 'GET', '/api/settings'))).toEqual({ defaultLocale: 'fr' });
    await call(b, 'PUT', '/api/settings', { defaultLocale: null }, cookie);
    expect(await json(call(a, 'GET', '/api/settings'))).toEqual({ defaultLocale: null });
  }, 60_000);
});
