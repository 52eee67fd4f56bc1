import { boxToRect, rectsApart } from '@roundtable/shared/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { solidPng } from '../harness/librarian-api';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';

/** A seat's whole toolbar at work on a 1920×1080 table (a fresh install: it speaks for seats). */
const live = liveServer({}, { checkConsole: true });

async function seatedTable(boardId: string, count: number) {
  const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
  live.track(table);
  await table.setUpSeats(count);
  await expect.poll(() => table.page.locator('.seat-toolbar').count()).toBe(count);
  return table;
}

type Shape = {
  type: string;
  kind?: string;
  stroke?: string;
  authorId: string;
  x: number;
  y: number;
  w: number;
  h: number;
};
const records = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { roundtable: { elements(): Shape[] } }).roundtable
      .elements()
      .map(({ type, kind, stroke, authorId, x, y, w, h }) => ({
        type,
        kind,
        stroke,
        authorId,
        x,
        y,
        w,
        h,
      })),
  );

describe('a seat’s own toolbar', () => {
  it('a seated student draws a rectangle in a colour picked by name, then recolours it', async () => {
    const table = await seatedTable('seat-rectangle', 4);
    const { page } = table;
    // Fox stands at the near side's right (clockwise from the near right, seat 1).
    const fox = page.getByRole('toolbar', { name: 'Fox' });
    await fox.getByRole('button', { name: 'Rectangle for Fox' }).click();
    await fox.getByRole('button', { name: 'Colours for Fox' }).click();
    await page
      .getByRole('group', { name: 'Colours for Fox' })
      .getByRole('button', { name: 'Blue' })
      .click();
    await multiTouch(page, [line(1250, 560, 1550, 760, 10)]);
    await expect
      .poll(() => records(page))
      .toEqual([
        {
          type: 'shape',
          kind: 'rect',
          stroke: '#1971c2',
          authorId: 'seat-1',
          x: 1250,
          y: 560,
          w: 300,
          h: 200,
        },
      ]);

    // Selected by a finger on its outline, it takes another colour from the same panel.
    await fox.getByRole('button', { name: 'Select for Fox' }).click();
    await multiTouch(page, [{ points: [{ x: 1262, y: 660 }] }]);
    await page.getByRole('group', { name: 'Selection' }).waitFor();
    await fox.getByRole('button', { name: 'Colours for Fox' }).click();
    await page
      .getByRole('group', { name: 'Colours for Fox' })
      .getByRole('button', { name: 'Green' })
      .click();
    await expect.poll(async () => (await records(page))[0]?.stroke).toBe('#2f9e44');

    // The selection's bar keeps clear of its finger-sized handles: the rotate handle 64 px
    // above the top edge's middle, the resize handle on the bottom-right corner.
    const bar = (await page.getByRole('group', { name: 'Selection' }).boundingBox())!;
    for (const [x, y] of [
      [1400, 560 - 64],
      [1550, 760],
    ] as const) {
      const handle = { x: x - 22, y: y - 22, w: 44, h: 44 };
      expect(
        rectsApart(handle, boxToRect(bar)),
        `handle at ${x},${y} clear of the selection bar`,
      ).toBe(true);
    }
    await page.screenshot({
      path: new URL('../test-results/seat-rectangle.png', import.meta.url).pathname,
    });
  });

  it('a compact toolbar’s "more" opens the rest of its tools, finger-sized, clear of every toolbar', async () => {
    const table = await seatedTable('seat-more', 4);
    const { page } = table;
    // At 1920×1080 the near side's two toolbars have no room for everything.
    const compact = page.locator('.seat-toolbar[data-compact="true"]').first();
    const seat = (await compact.getAttribute('aria-label'))!;
    await compact.getByRole('button', { name: `More tools for ${seat}` }).click();
    const panel = page.getByRole('group', { name: `More tools for ${seat}` });
    const controls = await panel.getByRole('button').all();
    expect(controls.length).toBeGreaterThan(0);
    const box = (await panel.boundingBox())!;
    for (const control of controls) {
      const b = (await control.boundingBox())!;
      expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
      expect(await control.getAttribute('aria-label')).toMatch(
        new RegExp(` for ${seat}$|^${seat}`),
      );
    }
    for (const bar of await page.locator('[role="toolbar"]').all()) {
      expect(rectsApart(boxToRect((await bar.boundingBox())!), boxToRect(box))).toBe(true);
    }
    await page.screenshot({
      path: new URL('../test-results/seat-more.png', import.meta.url).pathname,
    });
  });

  it('"Move the board" is one seat’s, for one gesture: then that seat draws again, and the others never stopped', async () => {
    const table = await seatedTable('seat-move', 4);
    const { page } = table;
    const fox = page.getByRole('toolbar', { name: 'Fox' });
    const move = fox.getByRole('button', { name: 'Move the board for Fox' });
    await move.click();
    expect(await move.getAttribute('aria-pressed')).toBe('true');
    // Only Fox's button shows it.
    expect(
      await page.getByRole('button', { name: /^Move the board for/, pressed: true }).count(),
    ).toBe(1);
    const before = await table.camera();
    // Owl (the near side's left) draws while Fox drags the board.
    await multiTouch(page, [line(1300, 700, 1200, 650, 10), line(300, 700, 500, 720, 10)]);
    const after = await table.camera();
    expect(after.x - before.x).toBeCloseTo(100);
    expect(after.y - before.y).toBeCloseTo(50);
    await expect.poll(() => move.getAttribute('aria-pressed')).toBe('false');
    // Fox's next touch draws (a stroke), as Owl's did.
    await multiTouch(page, [line(1300, 700, 1450, 720, 10)]);
    await expect
      .poll(async () => (await records(page)).map((e) => `${e.type}:${e.authorId}`).sort())
      .toEqual(['stroke:seat-1', 'stroke:seat-2']);
  });

  it('the seat sheet, opened again with eight seats, fits the board, scrolls, and renames on Enter', async () => {
    const table = await seatedTable('seat-sheet', 8);
    const { page } = table;
    await page.getByRole('button', { name: 'Set up seats' }).click();
    const sheet = page.getByRole('dialog', { name: 'Seats at the table' });
    await sheet.waitFor();
    const box = (await sheet.boundingBox())!;
    expect(Math.max(box.width, box.height)).toBeGreaterThan(400);
    // Inside the board left clear of every toolbar.
    for (const bar of await page.locator('[role="toolbar"]').all()) {
      expect(rectsApart(boxToRect((await bar.boundingBox())!), boxToRect(box))).toBe(true);
    }
    // It is no taller than the board it opens on (turned to face its dock's edge, however
    // long that is), and scrolls to the last seat when eight are more than it shows.
    const fit = await sheet.evaluate((s) => ({
      height: s.getBoundingClientRect().height,
      shown: s.clientHeight,
      room: (s.parentElement as HTMLElement).clientHeight,
      scrolls: getComputedStyle(s).overflowY,
    }));
    expect(fit.shown).toBeLessThanOrEqual(fit.room);
    expect(fit.scrolls).toBe('auto');
    const last = sheet.getByLabel('Name of Lynx');
    await last.scrollIntoViewIfNeeded();
    const row = (await last.boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(box.y);
    expect(row.y + row.height).toBeLessThanOrEqual(box.y + box.height);
    await page.screenshot({
      path: new URL('../test-results/seat-sheet-8.png', import.meta.url).pathname,
    });
    await last.fill('Mia');
    await last.press('Enter');
    await page.getByRole('toolbar', { name: 'Mia' }).waitFor();
  });

  it('a new picture goes where it covers nobody’s work', async () => {
    const table = await seatedTable('seat-pictures', 2);
    const { page } = table;
    const picture = async (colour: string) =>
      page.locator('[data-testid="image-input-seat-1"]').setInputFiles({
        name: 'picture.png',
        mimeType: 'image/png',
        buffer: await solidPng(page, colour, 400, 300),
      });
    await picture('#ff00ff');
    await expect.poll(async () => (await records(page)).length).toBe(1);
    await picture('#00ffff');
    await expect.poll(async () => (await records(page)).length).toBe(2);
    const [a, b] = await records(page);
    const apart =
      a!.x + a!.w <= b!.x || b!.x + b!.w <= a!.x || a!.y + a!.h <= b!.y || b!.y + b!.h <= a!.y;
    expect(apart).toBe(true);
    expect((await records(page)).map((e) => e.authorId)).toEqual(['seat-1', 'seat-1']);
  });
});
