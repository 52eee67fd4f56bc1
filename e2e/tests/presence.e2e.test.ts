import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';

const live = liveServer();

/** The participants strip as a device shows it: name → here? */
const strip = (page: Page) =>
  page.$$eval('.participants .person', (people) =>
    Object.fromEntries(
      people.map((p) => [p.textContent?.trim() ?? '', p.getAttribute('data-here') === 'true']),
    ),
  );

const inkAuthors = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { roundtable: { remoteInkAuthors(): string[] } }
    ).roundtable.remoteInkAuthors(),
  );

describe('presence', () => {
  it('a tablet joins with a name and colour, draws with a name tag, and leaves cleanly', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'presence');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'presence', {
      name: null,
    });
    live.track(table);

    // The join sheet comes first; a suggestion or a typed name, and a colour.
    await tablet.page.getByLabel('Your name').fill('Mia');
    await tablet.page.locator('.join-sheet').getByRole('button', { name: 'Purple' }).click();
    await tablet.page.getByRole('button', { name: 'Join the board' }).click();
    await expect.poll(() => strip(table.page)).toEqual({ Mia: true });

    let seen: string[] = [];
    await multiTouch(tablet.page, [line(300, 300, 700, 400, 16)], {
      midway: async () => {
        await expect.poll(() => inkAuthors(table.page)).toEqual(['Mia']);
        seen = await inkAuthors(table.page);
        await saveScreenshot(table.page, 'presence-name-tag');
      },
    });
    expect(seen).toEqual(['Mia']);
    // Her ink is her colour.
    await expect
      .poll(async () =>
        (
          await table.page.evaluate(() =>
            (window as unknown as { roundtable: { elements(): { color?: string }[] } }).roundtable
              .elements()
              .map((e) => e.color),
          )
        ).join(),
      )
      .toBe('#9c36b5');

    await tablet.dispose();
    await expect.poll(() => strip(table.page)).toEqual({ Mia: false });
  });

  it('leaves no trace on the live layer once every stroke has ended, here or on a tablet', async () => {
    // The live layer clears only what its last draw covered: ink, and name tags beside it.
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'live-traces');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'live-traces', {
      name: 'Oluwaseun',
    });
    live.track(table);
    live.track(tablet);
    // Apart on the board: the tablet's stroke ends at its own bottom-right corner, so its
    // name tag lies outside every ink's bounds and must be cleared on its own account.
    const fingers = [
      line(100, 100, 400, 250, 30),
      line(150, 300, 450, 120, 30),
      line(120, 200, 500, 300, 30),
    ];
    let midway = { table: 0, tableSeesTablet: [] as string[] };
    await multiTouch(table.page, fingers, {
      midway: async () => {
        // A classmate draws a whole stroke meanwhile, with a name tag on the table.
        await multiTouch(tablet.page, [line(600, 400, 950, 650, 30)], {
          midway: async () => {
            await expect.poll(() => inkAuthors(table.page)).toEqual(['Oluwaseun']);
            midway = { table: await table.livePixels(), tableSeesTablet: ['Oluwaseun'] };
          },
        });
      },
    });
    expect(midway.table).toBeGreaterThan(1000);
    expect(midway.tableSeesTablet).toEqual(['Oluwaseun']);
    await expect.poll(() => table.elements().then((e) => e.length)).toBe(4);
    await expect.poll(() => inkAuthors(table.page)).toEqual([]);
    await expect.poll(() => table.livePixels()).toBe(0);
    await expect.poll(() => tablet.livePixels()).toBe(0);
  });
});
