import {
  addElement,
  addStroke,
  BOARD_PICTURE_TYPE,
  type Board,
  type LocalOrigin,
  runCommand,
  updateElements,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../harness/board-page';
import { liveServer } from '../harness/live';
import { scribble, writeBoard } from '../perf/seed';

const live = liveServer({}, { checkConsole: true });

const COLORS = ['#1f2a44', '#e03131', '#1971c2', '#2f9e44', '#f08c00'];

/**
 * Forty strokes over the first view, in five colours and three widths; the one at
 * `highlighter` is a highlighter.
 */
function addScribbles(board: Board, origin: LocalOrigin, highlighter: number): string[] {
  return Array.from({ length: 40 }, (_, i) =>
    runCommand(
      board,
      addStroke,
      {
        authorId: 'seed',
        tool: i === highlighter ? 'highlighter' : 'pen',
        color: COLORS[i % COLORS.length]!,
        width: 4 + (i % 3) * 4,
        points: scribble(80 + ((i * 173) % 1700), 80 + ((i * 97) % 900), 30, i),
      },
      origin,
    ),
  );
}

/** Forty strokes (one a highlighter), two notes and an arrow: `ids` in that order. */
async function seed(boardId: string): Promise<string[]> {
  const ids: string[] = [];
  await writeBoard(
    live.server.url,
    boardId,
    (board: Board, origin) => {
      ids.push(...addScribbles(board, origin, 7));
      const base = { authorId: 'seed', rotation: 0 };
      ids.push(
        runCommand(
          board,
          addElement,
          {
            ...base,
            type: 'note',
            x: 900,
            y: 300,
            w: 260,
            h: 180,
            color: '#ffe066',
            text: 'Raster',
            fontSize: 28,
          },
          origin,
        ),
        runCommand(
          board,
          addElement,
          {
            ...base,
            type: 'note',
            x: 300,
            y: 500,
            w: 200,
            h: 160,
            color: '#b2f2bb',
            text: 'Vector',
            fontSize: 28,
          },
          origin,
        ),
        runCommand(
          board,
          addElement,
          {
            ...base,
            type: 'shape',
            kind: 'arrow',
            x: 1200,
            y: 700,
            w: 300,
            h: -120,
            stroke: '#1971c2',
            fill: null,
            strokeWidth: 5,
          },
          origin,
        ),
      );
    },
    (board) => board.elements.size === 43,
  );
  return ids;
}

/** Erases three strokes and a note, moves the arrow, turns a note, adds two strokes. */
async function changeWhileAway(boardId: string, ids: string[]) {
  const [note, turned, arrow] = ids.slice(40);
  await writeBoard(
    live.server.url,
    boardId,
    (board: Board, origin) => {
      board.doc.transact(() => {
        for (const id of [ids[3]!, ids[17]!, ids[30]!, note!]) board.elements.delete(id);
        const moves = [
          { id: arrow!, changes: { x: 400, y: 850 } },
          { id: turned!, changes: { rotation: 25 } },
        ];
        runCommand(board, updateElements, moves, origin);
        for (const i of [100, 101]) {
          runCommand(
            board,
            addStroke,
            {
              authorId: 'seed',
              tool: 'pen',
              color: '#e03131',
              width: 10,
              points: scribble(600 + i, 200, 40, i),
            },
            origin,
          );
        }
      }, origin);
    },
    (board) => board.elements.size === 41 && board.elements.get(turned!)?.rotation === 25,
  );
}

describe('painting a board from a raster picture, then vectors', () => {
  it("a repeat visit paints this device's picture, repainted where the board changed since, as a vector draw would", async () => {
    const ids = await seed('raster-cache');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'raster-cache');
    live.track(table);
    await expect.poll(async () => (await table.elements()).length).toBe(43);
    await table.sceneSettled();
    // A first visit: nothing of this device's (the server's picture may come first).
    expect((await table.sceneStats()).rasterSource).not.toBe('cache');
    // The device keeps its picture once the scene has rested.
    await table.pictureKept();

    // Away from the board while others change it; then back.
    const url = table.page.url();
    await table.page.goto('about:blank');
    await changeWhileAway('raster-cache', ids);
    await table.page.goto(url);
    await table.waitForStatus('connected');
    await expect.poll(async () => (await table.elements()).length).toBe(41);
    await table.sceneSettled();
    const stats = await table.sceneStats();
    expect(stats.rasterPaints).toBe(1);
    expect(stats.rasterSource).toBe('cache');
    expect(stats.repaints).toBeGreaterThan(0);
    // Not the state the server held: it waited for the app, which repainted what changed.
    expect(stats.pictureShownAt).toBeNull();

    const difference = await table.vectorRedrawDifference();
    expect(difference.beyond).toBeLessThan(400);
    expect(difference.any).toBeLessThan(5_000);
  });

  it('a repeat visit to an unchanged board shows its picture before the app starts', async () => {
    await seed('raster-again');
    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'raster-again');
    live.track(table);
    await expect.poll(async () => (await table.elements()).length).toBe(43);
    await table.sceneSettled();
    await table.pictureKept();

    await table.page.reload();
    await table.waitForStatus('connected');
    await table.sceneSettled();
    const stats = await table.sceneStats();
    expect(stats.rasterSource).toBe('cache');
    expect(stats.pictureShownAt).toBeGreaterThan(0);
    expect(stats.repaints).toBe(0);
    expect(stats.full).toBe(1);
    // The canvas the start worker showed it on has left the page: the scene holds it.
    expect(await table.page.locator('html > canvas').count()).toBe(0);
    const difference = await table.vectorRedrawDifference();
    expect(difference.beyond).toBeLessThan(400);
  });
});

/** Strokes (one a highlighter), filled and open shapes and an empty note: no text (see the first-visit test). */
async function seedWithoutText(boardId: string) {
  await writeBoard(
    live.server.url,
    boardId,
    (board: Board, origin) => {
      addScribbles(board, origin, 5);
      const shape = { authorId: 'seed', rotation: 0, type: 'shape', strokeWidth: 4 } as const;
      runCommand(
        board,
        addElement,
        {
          ...shape,
          kind: 'rect',
          x: 700,
          y: 300,
          w: 240,
          h: 160,
          stroke: '#1f2a44',
          fill: '#ffe066',
        },
        origin,
      );
      runCommand(
        board,
        addElement,
        {
          ...shape,
          kind: 'ellipse',
          x: 1100,
          y: 500,
          w: 200,
          h: 120,
          stroke: '#2f9e44',
          fill: null,
        },
        origin,
      );
      runCommand(
        board,
        addElement,
        { ...shape, kind: 'arrow', x: 300, y: 800, w: 400, h: -150, stroke: '#e03131', fill: null },
        origin,
      );
      runCommand(
        board,
        addElement,
        {
          authorId: 'seed',
          rotation: 10,
          type: 'note',
          x: 1400,
          y: 200,
          w: 220,
          h: 180,
          color: '#b2f2bb',
          text: '',
          fontSize: 28,
        },
        origin,
      );
    },
    (board) => board.elements.size === 44,
  );
}

describe('painting a first visit from the server', () => {
  it("paints the server's picture first, its vector draw takes over, and the two agree", async () => {
    await seedWithoutText('raster-server');
    // The table opens at the default camera on a 1920×1080 canvas (pixel ratio 1); the
    // server renders that view when first asked, so asking here has it ready.
    const view = 'x=0&y=0&zoom=1&w=1920&h=1080&pr=1';
    const raster = `${live.server.url}/api/boards/raster-server/raster?${view}`;
    const response = await fetch(raster);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(BOARD_PICTURE_TYPE);
    expect((await response.arrayBuffer()).byteLength).toBe(1920 * 1080 * 4);
    const etag = response.headers.get('etag')!;
    expect((await fetch(raster, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const table = await BoardPage.open(live.browser, 'table', live.server.url, 'raster-server');
    live.track(table);
    await expect.poll(async () => (await table.elements()).length).toBe(44);
    await expect.poll(async () => (await table.sceneStats()).rasterTakeovers).toBe(1);
    const stats = await table.sceneStats();
    expect(stats.rasterPaints).toBe(1);
    expect(stats.rasterSource).toBe('server');
    // Shown by the page's start worker before the app had started, and the app found it
    // to be the board as it is; the canvas it was shown on has left the page.
    expect(stats.pictureShownAt).toBeGreaterThan(0);
    expect(await table.page.locator('html > canvas').count()).toBe(0);
    expect(await table.camera()).toEqual({ x: 0, y: 0, zoom: 1 });

    // The canvas now holds the vector draw: compare the server's picture with it. The
    // server draws with the board's own drawing code on Skia, as the browser does, so they
    // agree as a repaint and a full draw do (text would differ along glyph edges: the two
    // hint fonts differently, so this board has none).
    await table.page.evaluate(async (url) => {
      (window as unknown as { rememberedScene: Uint8ClampedArray }).rememberedScene =
        new Uint8ClampedArray(await (await fetch(url)).arrayBuffer());
    }, raster);
    const difference = await table.sceneDifference(24);
    console.log('server picture against the vector draw:', difference);
    expect(difference.beyond).toBeLessThan(400);
  });
});
