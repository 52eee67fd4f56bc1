import { addElement, boardToScreen, runCommand } from '@roundtable/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';
import { writeBoard } from '../perf/seed';

/** Fingers as a real touch screen reports them: palms, pinches, and where a tablet opens. */
const live = liveServer({}, { checkConsole: true });

const strokes = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { roundtable: { elements(): { type: string; y: number }[] } }).roundtable
      .elements()
      .filter((e) => e.type === 'stroke'),
  );

/**
 * One contact over CDP whose size changes as it moves: `radii[i]` is its radius (CSS px) at
 * `points[i]`. Chromium reports twice the radius as the pointer's width and height.
 */
async function growingTouch(page: Page, points: { x: number; y: number; r: number }[]) {
  const cdp = await page.context().newCDPSession(page);
  const at = ({ x, y, r }: { x: number; y: number; r: number }) => [
    { x, y, id: 0, radiusX: r, radiusY: r, force: 0.5 },
  ];
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(points[0]!) });
    for (const p of points.slice(1)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

describe('touch input', () => {
  it('a contact that grows to a palm mid-stroke leaves no ink; a fingertip’s stroke after it does', async () => {
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'growing-palm');
    live.track(table);
    // A fingertip (radius 6) that spreads into a resting hand (radius 40, 80 px across).
    await growingTouch(
      table.page,
      Array.from({ length: 13 }, (_, i) => ({ x: 600 + i * 25, y: 400 + i * 4, r: 6 + i * 3 })),
    );
    await multiTouch(table.page, [line(600, 700, 900, 740, 10)]);
    // Once the fingertip's stroke is there, the palm's would be too: it is not.
    await expect.poll(async () => (await strokes(table.page)).length).toBeGreaterThan(0);
    const drawn = await strokes(table.page);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.y).toBeGreaterThan(650);
  });

  it('with the eraser, a two-finger pinch on a tablet zooms and deletes nothing', async () => {
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'eraser-pinch');
    live.track(tablet);
    await multiTouch(tablet.page, [line(300, 400, 700, 400, 10)]);
    await expect.poll(async () => (await strokes(tablet.page)).length).toBe(1);
    await tablet.tool('eraser');
    // The first finger lands on the stroke; the second makes it a pinch.
    await multiTouch(tablet.page, [line(500, 400, 400, 400, 10), line(650, 500, 800, 560, 10)]);
    await expect.poll(async () => (await tablet.camera()).zoom).toBeGreaterThan(1.2);
    expect(await strokes(tablet.page)).toHaveLength(1);
    // A single finger still erases.
    const camera = await tablet.camera();
    const onStroke = boardToScreen(camera, { x: 450, y: 400 });
    await multiTouch(tablet.page, [
      line(onStroke.x, onStroke.y - 30, onStroke.x, onStroke.y + 30, 6),
    ]);
    await expect.poll(async () => (await strokes(tablet.page)).length).toBe(0);
  });

  it('a tablet opens on the board’s content, fitted between its toolbars, readable', async () => {
    // Work far from the board's top-left corner, as a class leaves it.
    await writeBoard(
      live.server.url,
      'tablet-opens',
      (board, origin) => {
        for (const [i, x] of [2600, 2900, 3200].entries()) {
          runCommand(
            board,
            addElement,
            {
              type: 'note',
              authorId: 'seat-1',
              rotation: 0,
              x,
              y: 1800 + i * 40,
              w: 220,
              h: 220,
              color: '#ffe066',
              text: `Idea ${i + 1}`,
              fontSize: 28,
            },
            origin,
          );
        }
      },
      (board) => board.elements.size === 3,
    );
    const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, 'tablet-opens');
    live.track(tablet);
    await expect.poll(async () => (await tablet.camera()).x).not.toBe(0);
    const camera = await tablet.camera();
    const { width } = tablet.page.viewportSize()!;
    const toolbar = (await tablet.page.locator('.toolbar').boundingBox())!;
    for (const corner of [
      { x: 2600, y: 1800 },
      { x: 3420, y: 2100 },
    ]) {
      const p = boardToScreen(camera, corner);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(toolbar.y);
    }
    expect(camera.zoom).toBeGreaterThanOrEqual(0.45);
  });
});
