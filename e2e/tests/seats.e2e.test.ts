import { rectsApart } from '@roundtable/shared/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';

const live = liveServer({}, { checkConsole: true });

async function setSeats(table: BoardPage, count: number) {
  await table.setUpSeats(count);
  await expect.poll(() => table.page.locator('.seat-toolbar').count()).toBe(count);
}

/** Each seat toolbar's edge, its box on screen, and how far it is turned (degrees). */
const toolbars = (page: Page) =>
  page.$$eval('.seat-toolbar', (bars) =>
    bars.map((bar) => {
      const box = bar.getBoundingClientRect();
      const { a, b } = new DOMMatrix(getComputedStyle(bar.parentElement!).transform);
      return {
        seat: bar.getAttribute('data-seat'),
        edge: bar.getAttribute('data-edge'),
        turn: Math.round((Math.atan2(b, a) * 180) / Math.PI),
        box: { x: box.x, y: box.y, w: box.width, h: box.height },
      };
    }),
  );

const strokes = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as {
        roundtable: { elements(): { type: string; authorId: string; color: string }[] };
      }
    ).roundtable
      .elements()
      .filter((e) => e.type === 'stroke')
      .map(({ authorId, color }) => ({ authorId, color })),
  );

describe('seats at the table', () => {
  it('four seats get toolbars on their edges, turned to face whoever stands there', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'four-seats');
    live.track(table);
    await setSeats(table, 4);
    const bars = await toolbars(table.page);
    const { width, height } = table.page.viewportSize()!;
    for (const bar of bars) {
      if (bar.edge === 'bottom') {
        expect(bar.turn).toBe(0);
        expect(bar.box.y + bar.box.h).toBeGreaterThan(height - 120);
      } else {
        expect(bar.edge).toBe('top');
        expect(Math.abs(bar.turn)).toBe(180);
        expect(bar.box.y).toBeLessThan(120);
      }
      expect(bar.box.x).toBeGreaterThanOrEqual(0);
      expect(bar.box.x + bar.box.w).toBeLessThanOrEqual(width);
    }
    // No two toolbars overlap.
    for (const a of bars) {
      for (const b of bars) {
        if (a === b) continue;
        expect(rectsApart(a.box, b.box)).toBe(true);
      }
    }
    await saveScreenshot(table.page, 'seats-4-table');
  });

  it('a stroke begun in seat 3’s territory is seat 3’s: its colour, and only its undo', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'territories');
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'territories');
    live.track(table, tablet);
    await setSeats(table, 4);
    // Clockwise from the near right, seat 3 stands at the far side's left (the screen's top left).
    const seat3 = (await toolbars(table.page)).find((b) => b.seat === 'seat-3')!;
    expect(seat3.edge).toBe('top');
    expect(seat3.box.x + seat3.box.w / 2).toBeLessThan(table.page.viewportSize()!.width / 2);
    // Seat 3 and seat 1 (the near side's right) draw at the same time.
    await multiTouch(table.page, [line(500, 250, 800, 320, 12), line(1300, 800, 1500, 850, 12)]);
    const bySeat = (list: { authorId: string; color: string }[]) =>
      [...list].sort((a, b) => (a.authorId < b.authorId ? -1 : 1));
    await expect
      .poll(async () => bySeat(await strokes(tablet.page)))
      .toEqual([
        { authorId: 'seat-1', color: '#e03131' },
        { authorId: 'seat-3', color: '#2f9e44' },
      ]);

    // Seat 1's undo takes back seat 1's stroke only, then has nothing left to undo.
    await table.page.getByRole('button', { name: 'Undo for Fox' }).click();
    await expect
      .poll(() => strokes(tablet.page))
      .toEqual([{ authorId: 'seat-3', color: '#2f9e44' }]);
    expect(await table.page.getByRole('button', { name: 'Undo for Fox' }).isDisabled()).toBe(true);
    await table.page.getByRole('button', { name: 'Undo for Otter' }).click();
    await expect.poll(() => strokes(tablet.page)).toEqual([]);
  });

  it('six seats use every edge of the table', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'six-seats');
    live.track(table);
    await setSeats(table, 6);
    const bars = await toolbars(table.page);
    expect(new Set(bars.map((b) => `${b.edge}:${b.turn}`))).toEqual(
      new Set(['bottom:0', 'top:180', 'left:90', 'right:-90']),
    );
    await saveScreenshot(table.page, 'seats-6-table');
  });
});
