import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { liveServer } from '../harness/live';

const live = liveServer();

const strokeCount = async (board: BoardPage) =>
  (await board.elements()).filter((e) => e.type === 'stroke').length;

describe('a tablet that loses Wi-Fi', () => {
  it('keeps drawing, keeps its work through a reload, and syncs it when back', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'offline');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'offline');
    live.track(table, tablet);
    // The service worker has the app shell once it controls the page.
    await tablet.page.waitForFunction(
      () => navigator.serviceWorker.controller !== null,
      undefined,
      {
        timeout: 10_000,
      },
    );

    await tablet.page.context().setOffline(true);
    await tablet.waitForStatus('offline');
    expect(await tablet.page.locator('.status').textContent()).toMatch(/your drawing will sync/);
    await tablet.drag([
      [200, 200],
      [400, 260],
      [600, 220],
    ]);
    await tablet.drag([
      [200, 400],
      [500, 450],
    ]);
    expect(await strokeCount(tablet)).toBe(2);

    // Reloading without a connection: the shell comes from the service worker and the
    // strokes from IndexedDB. IndexedDB writes are asynchronous: a reload in the very
    // same instant as the last stroke could lose that stroke, so give them a moment.
    await tablet.page.waitForTimeout(500);
    await tablet.page.reload();
    await expect.poll(() => strokeCount(tablet), { timeout: 10_000 }).toBe(2);
    expect(await strokeCount(table)).toBe(0);

    await tablet.page.context().setOffline(false);
    await tablet.waitForStatus('connected');
    await expect.poll(() => strokeCount(table), { timeout: 10_000 }).toBe(2);
  });
});
