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
    await tablet.page
      .locator('.join-sheet')
      .getByRole('button', { name: 'Colour #9c36b5' })
      .click();
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
});
