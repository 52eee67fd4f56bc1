import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDevice, saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { seedBoard } from '../perf/seed';

const live = liveServer();

const elementCount = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { roundtable: { elements(): unknown[] } }).roundtable.elements().length,
  );

describe('opening a board', () => {
  it('shows the board downloaded while the app loaded, before its socket has said a word', async () => {
    await seedBoard(live.server.url, 'prefetched', 40);
    const context = await live.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The socket opens but the server never answers it: only the page's download can bring the board.
    await page.routeWebSocket(/\/ws\//, () => {});
    await page.goto(`${live.server.url}/b/prefetched?layout=table`);
    await expect.poll(() => elementCount(page), { timeout: 15_000 }).toBe(40);
    await page.locator('.status[data-status="connecting"]').waitFor();
    await saveScreenshot(page, 'board-before-socket');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a new board (nothing to download) over the socket, with no error logged', async () => {
    const { page, context, consoleErrors } = await openDevice(
      live.browser,
      'table',
      `${live.server.url}/b/brand-new-board`,
    );
    await page.locator('.status[data-status="connected"]').waitFor();
    expect(await elementCount(page)).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
