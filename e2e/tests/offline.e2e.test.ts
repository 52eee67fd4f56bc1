import { type ServerFixture, startServerProcess } from '@roundtable/sync-server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { launchChromium } from '../harness/browser';

let server: ServerFixture;
let browser: Browser;
const open: BoardPage[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  for (const board of open.splice(0)) await board.dispose();
});

const strokeCount = async (board: BoardPage) =>
  (await board.elements()).filter((e) => e.type === 'stroke').length;

describe('a tablet that loses Wi-Fi', () => {
  it('keeps drawing, keeps its work through a reload, and syncs it when back', async () => {
    const table = await BoardPage.open(browser, 'table', server.url, 'offline');
    const tablet = await BoardPage.open(browser, 'tablet', server.url, 'offline');
    open.push(table, tablet);
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
