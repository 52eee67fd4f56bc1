import { type ServerFixture, startServerProcess } from '@roundtable/sync-server/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDevice, saveScreenshot } from '../harness/browser';
import { seedBoard } from '../perf/seed';

let server: ServerFixture;
let browser: Browser;

beforeAll(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const elementCount = (page: import('playwright-core').Page) =>
  page.evaluate(
    () =>
      (window as unknown as { roundtable: { elements(): unknown[] } }).roundtable.elements().length,
  );

describe('opening a board', () => {
  it('shows the board downloaded while the app loaded, before its socket has said a word', async () => {
    await seedBoard(server.url, 'prefetched', 40);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The socket opens but the server never answers it: only the page's download can bring the board.
    await page.routeWebSocket(/\/ws\//, () => {});
    await page.goto(`${server.url}/b/prefetched?layout=table`);
    await expect.poll(() => elementCount(page), { timeout: 15_000 }).toBe(40);
    await page.locator('.status[data-status="connecting"]').waitFor();
    await saveScreenshot(page, 'board-before-socket');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a new board (nothing to download) over the socket, with no error logged', async () => {
    const { page, context, consoleErrors } = await openDevice(
      browser,
      'table',
      `${server.url}/b/brand-new-board`,
    );
    await page.locator('.status[data-status="connected"]').waitFor();
    expect(await elementCount(page)).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
