import { addElement, addStroke, type Board, runCommand, updateElements } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { saveScreenshot } from '../harness/browser';
import { liveServer } from '../harness/live';
import { line, multiTouch } from '../harness/touch';
import { scribble, seedBoard, writeBoard } from '../perf/seed';

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

  it("repaints only the live ink's growing ends, and shows what a full draw of it shows", async () => {
    const { table, tablet } = await devices('live-repaints');
    /** A long wavy path of `steps` moves across the screen. */
    const wave = (x: number, y: number, steps: number) => ({
      points: Array.from({ length: steps + 1 }, (_, i) => ({
        x: x + i * 9,
        y: y + Math.sin(i / 5) * 60,
      })),
    });
    let tabletInk = 0;
    let onTable = { live: 0, painted: 0, difference: { any: 0, beyond: 0, largest: 0 } };
    // A classmate's stroke from a tablet (a name tag follows it on the table) while three
    // fingers draw long strokes on the table; halfway, the table's live layer, repainted
    // frame by frame, is compared with a draw of all of it.
    await multiTouch(tablet.page, [wave(100, 500, 60)], {
      midway: async () => {
        await expect.poll(() => table.remoteLiveInk()).toBe(1);
        await multiTouch(table.page, [wave(300, 340, 80), wave(350, 560, 80), wave(300, 760, 80)], {
          midway: async () => {
            await expect.poll(() => tablet.remoteLiveInk()).toBe(3);
            tabletInk = await tablet.remoteLiveInk();
            onTable = {
              live: await table.remoteLiveInk(),
              painted: await table.livePixels(),
              difference: await table.liveRedrawDifference(),
            };
          },
        });
      },
    });
    expect(tabletInk).toBe(3);
    expect(onTable.live).toBe(1);
    // Four strokes of 30–40 moves, 4 px wide or more, and a name tag.
    expect(onTable.painted).toBeGreaterThan(4 * 30 * 9 * 3);
    // As with the scene's repaints: Skia anti-aliases edges drawn inside a clip a little
    // differently (faint edge pixels; here ~2,000 differ, ~170 by more than 24). Ink left
    // behind, or missing, would be thousands (~5,300 with no repaints at all).
    console.log('live layer, repainted against drawn whole:', onTable.difference);
    expect(onTable.difference.beyond).toBeLessThan(400);
    await expect
      .poll(async () => (await table.elements()).filter((e) => e.type === 'stroke').length)
      .toBe(4);
    // All lifted: the live layer is empty again.
    await expect.poll(() => table.livePixels()).toBe(0);
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

  it('erasing a stroke redraws only where it was, and the stroke it crossed stays whole', async () => {
    const { table, tablet } = await devices('erase-repaint');
    await tablet.drag([
      [150, 300],
      [650, 300],
    ]);
    await tablet.drag([
      [400, 150],
      [400, 500],
    ]);
    await expect.poll(async () => (await table.elements()).length).toBe(2);
    // Where the table shows them: at 100% the board's origin is the top-left corner on both.
    const inked = async () => {
      const [across, crossing, down] = await table.sceneInked([
        [250, 300],
        [400, 300],
        [400, 450],
      ]);
      return { across, crossing, down };
    };
    await expect.poll(inked).toEqual({ across: true, crossing: true, down: true });
    await table.sceneSettled();
    const before = await table.sceneStats();
    await tablet.tool('eraser');
    await tablet.drag([
      [200, 250],
      [200, 350],
    ]);
    await expect.poll(async () => (await table.elements()).length).toBe(1);
    await expect.poll(inked).toEqual({ across: false, crossing: true, down: true });
    const after = await table.sceneStats();
    expect(after.full).toBe(before.full);
    expect(after.repaints).toBeGreaterThan(before.repaints);
  });

  it('a scene repainted where things changed matches the same scene drawn whole', async () => {
    const url = live.server.url;
    const ids: string[] = [];
    await writeBoard(
      url,
      'repaint-whole',
      (board, origin) => {
        for (let i = 0; i < 40; i++) {
          const points = scribble(150 + ((i * 397) % 1500), 120 + ((i * 211) % 700), 40, i);
          const stroke = {
            authorId: 'seed',
            tool: 'pen' as const,
            color: '#1971c2',
            width: 6,
            points,
          };
          ids.push(runCommand(board, addStroke, stroke, origin));
        }
        const base = { authorId: 'seed', rotation: 0 };
        // Text longer than its note runs past it; a turned note; an arrow's head.
        const note = { ...base, type: 'note', x: 500, y: 300, w: 200, h: 120 } as const;
        const text = 'A long line of text that runs well past the bottom of its sticky note';
        ids.push(
          runCommand(board, addElement, { ...note, color: '#ffe066', text, fontSize: 28 }, origin),
          runCommand(
            board,
            addElement,
            { ...note, x: 900, rotation: 20, color: '#b2f2bb', text: 'turned', fontSize: 28 },
            origin,
          ),
          runCommand(
            board,
            addElement,
            {
              ...base,
              type: 'shape',
              kind: 'arrow',
              x: 300,
              y: 700,
              w: 400,
              h: 0,
              stroke: '#e03131',
              fill: null,
              strokeWidth: 4,
            },
            origin,
          ),
        );
      },
      (board) => board.elements.size === 43,
    );
    const table = await BoardPage.open(live.browser, 'table', url, 'repaint-whole');
    live.track(table);
    await expect.poll(async () => (await table.elements()).length).toBe(43);
    await table.sceneSettled();
    const before = await table.sceneStats();

    // Erase three strokes and the long note, move the arrow, turn the other note further.
    const [note, turned, arrow] = ids.slice(40);
    await writeBoard(
      url,
      'repaint-whole',
      (board: Board, origin) => {
        // One transaction: the table gets it as one update, and draws it in one frame.
        board.doc.transact(() => {
          for (const id of [ids[3]!, ids[17]!, ids[30]!, note!]) board.elements.delete(id);
          const moves = [
            { id: arrow!, changes: { x: 340, y: 760 } },
            { id: turned!, changes: { rotation: 35 } },
          ];
          runCommand(board, updateElements, moves, origin);
        }, origin);
      },
      (board) => board.elements.size === 39 && board.elements.get(turned!)?.rotation === 35,
    );
    await expect.poll(async () => (await table.elements()).length).toBe(39);
    await table.nextFrames(2);
    expect((await table.sceneStats()).repaints).toBeGreaterThan(before.repaints);
    expect((await table.sceneStats()).full).toBe(before.full);

    // The repainted scene is what a whole draw from vectors gives.
    const difference = await table.vectorRedrawDifference();
    expect(difference.beyond).toBeLessThan(400);
    expect(difference.any).toBeLessThan(5_000);
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
