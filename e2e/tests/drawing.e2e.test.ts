import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';
import { seedBoard } from '../perf/seed';

const live = liveServer({}, { checkConsole: true });

async function devices(boardId: string) {
  const table = await BoardPage.open(live.browser, 'table', live.server.url, boardId);
  const tablet = await BoardPage.open(live.browser, 'tablet', live.server.url, boardId);
  live.track(table, tablet);
  return { table, tablet };
}

describe('drawing together', () => {
  it('three fingers drawing at once on the table arrive as three strokes on a tablet, live', async () => {
    const { table, tablet } = await devices('three-fingers');
    let seenWhileDrawing = 0;
    await multiTouch(
      table.page,
      [line(300, 300, 700, 350, 20), line(900, 600, 1300, 450, 20), line(400, 800, 800, 900, 20)],
      {
        midway: async () => {
          await expect.poll(() => tablet.remoteLiveInk()).toBe(3);
          seenWhileDrawing = await tablet.remoteLiveInk();
        },
      },
    );
    expect(seenWhileDrawing).toBe(3);
    await expect
      .poll(async () => (await tablet.elements()).filter((e) => e.type === 'stroke').length)
      .toBe(3);
    await expect.poll(() => tablet.remoteLiveInk()).toBe(0);
    await saveScreenshot(table.page, 'drawing-table');
    await saveScreenshot(tablet.page, 'drawing-tablet');
  });

  it('a sticky note typed on a tablet shows on the table', async () => {
    const { table, tablet } = await devices('sticky');
    await tablet.tool('note');
    await tablet.page.mouse.click(400, 300);
    await tablet.page.keyboard.type('I wonder how bees talk');
    await tablet.page.mouse.click(800, 600); // closes the note
    await expect
      .poll(() => table.elements())
      .toMatchObject([{ type: 'note', text: 'I wonder how bees talk' }]);
  });

  it('undo undoes only my own stroke', async () => {
    const { table, tablet } = await devices('undo');
    await table.drag([
      [200, 200],
      [500, 260],
    ]);
    await expect.poll(async () => (await tablet.elements()).length).toBe(1);
    const [tableStroke] = await table.elements();
    await tablet.drag([
      [200, 400],
      [500, 460],
    ]);
    await expect.poll(async () => (await table.elements()).length).toBe(2);
    await tablet.button('Undo');
    // Only the tablet's stroke went, on both devices.
    await expect.poll(() => table.elements()).toEqual([tableStroke]);
    expect(await tablet.elements()).toEqual([tableStroke]);
    // Nothing of the tablet's is left to undo: its Undo button says so.
    expect(await tablet.page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(
      true,
    );
    await table.button('Undo');
    await expect.poll(() => tablet.elements()).toEqual([]);
  });

  it('the eraser removes whole strokes it touches, everywhere', async () => {
    const { table, tablet } = await devices('eraser');
    await tablet.drag([
      [150, 200],
      [600, 200],
    ]);
    await tablet.drag([
      [150, 400],
      [600, 400],
    ]);
    await expect.poll(async () => (await table.elements()).length).toBe(2);
    await tablet.tool('eraser');
    await tablet.drag([
      [350, 150],
      [350, 260],
    ]);
    await expect.poll(async () => (await table.elements()).length).toBe(1);
  });

  it('pans and zooms: two fingers on a tablet, the zoom controls on the table', async () => {
    const { table, tablet } = await devices('navigate');
    await multiTouch(tablet.page, [line(400, 400, 300, 400, 10), line(600, 400, 700, 400, 10)]);
    const camera = await tablet.camera();
    expect(camera.zoom).toBeGreaterThan(1.5);
    expect(await tablet.elements()).toEqual([]);

    await table.button('Zoom in');
    await expect.poll(() => table.page.locator('.zoom-level').textContent()).toBe('125%');
    const before = await table.camera();
    await table.tool('hand');
    let transformWhilePanning: string | null = null;
    await multiTouch(table.page, [line(900, 500, 700, 400, 10)], {
      midway: async () => {
        transformWhilePanning = await table.sceneTransform();
      },
    });
    // A light board is drawn afresh on every frame of the gesture, never shown moved.
    expect(transformWhilePanning).toBe('');
    const after = await table.camera();
    // Dragging the board 200 px left and 100 px up at 125% moves the view by 160 x 80 units.
    expect(after.x - before.x).toBeCloseTo(160);
    expect(after.y - before.y).toBeCloseTo(80);
    expect(await table.elements()).toEqual([]);
  });

  it('pans a heavy board by moving its last picture, and draws it afresh once the camera rests', async () => {
    await seedBoard(live.server.url, 'heavy-pan', 3_000);
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'heavy-pan');
    live.track(table);
    await expect.poll(async () => (await table.elements()).length).toBe(3_000);
    const before = await table.camera();
    await table.tool('hand');
    let transformWhilePanning = '';
    await multiTouch(table.page, [line(900, 500, 500, 300, 20)], {
      midway: async () => {
        transformWhilePanning = await table.sceneTransform();
      },
    });
    // Midway the finger has dragged the board about 200 px left and 100 px up.
    expect(transformWhilePanning).toMatch(/^matrix\(1, 0, 0, 1, -\d+(\.\d+)?, -\d+(\.\d+)?\)$/);
    await expect.poll(() => table.sceneTransform()).toBe('');
    const after = await table.camera();
    expect(after.x - before.x).toBeCloseTo(400 / before.zoom);
    expect(after.y - before.y).toBeCloseTo(200 / before.zoom);
    await saveScreenshot(table.page, 'heavy-pan-settled');
  });
});
