import {
  BOARD_PICTURE_TYPE,
  BOARD_STATE_HEADER,
  type PictureView,
  pictureViewQuery,
  sameState,
  stateVectorOfHeader,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { drawStroke, eventually } from './clients';
import { serverPerTest, startTestServer } from './helpers';

const live = serverPerTest();

/**
 * Where a picture `width` pixels wide has ink (its box in canvas pixels) and the colours of
 * its fully covered pixels.
 */
function inked(pixels: Uint8Array, width: number) {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const solid = new Set<string>();
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 0) continue;
    const x = (i / 4) % width;
    const y = Math.floor(i / 4 / width);
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x);
    box.bottom = Math.max(box.bottom, y);
    if (pixels[i + 3] === 255) solid.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
  }
  return { box, solid: [...solid] };
}

async function picture(boardId: string, view: PictureView, headers: Record<string, string> = {}) {
  return fetch(`${live.server!.url}/api/boards/${boardId}/raster?${pictureViewQuery(view)}`, {
    headers,
  });
}

describe('GET /api/boards/<id>/raster', () => {
  it("draws the board as a view's canvas shows it, names its state, and answers 304 while it holds", async () => {
    live.server = await startTestServer();
    const writer = await live.client('drawn');
    // A stroke through board point (120, 130), in the board's ink colour #1f2a44.
    drawStroke(writer, 'seat-1', 100);
    const reader = await live.client('drawn');
    await eventually(() => expect(reader.board.elements.size).toBe(1));

    const plain = { x: 0, y: 0, zoom: 1, width: 400, height: 300, pixelRatio: 1 };
    const res = await picture('drawn', plain);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(BOARD_PICTURE_TYPE);
    const pixels = new Uint8Array(await res.arrayBuffer());
    expect(pixels.byteLength).toBe(400 * 300 * 4);
    expect(Number(res.headers.get('content-length'))).toBe(pixels.byteLength);
    // The stroke's ink (board x 100–145, y 100–140, 4 wide) and nothing else, in the
    // board's ink colour #1f2a44, not premultiplied.
    const ink = inked(pixels, 400);
    expect(ink.solid).toEqual(['31,42,68']);
    expect(ink.box.left).toBeGreaterThanOrEqual(96);
    expect(ink.box.right).toBeLessThanOrEqual(149);
    expect(ink.box.top).toBeGreaterThanOrEqual(96);
    expect(ink.box.bottom).toBeLessThanOrEqual(144);
    expect(ink.box.right - ink.box.left).toBeGreaterThan(40);
    const state = stateVectorOfHeader(res.headers.get(BOARD_STATE_HEADER));
    expect(sameState(state, Y.encodeStateVector(reader.board.doc))).toBe(true);

    // Another camera: zoomed in twice from (50, 50), the same ink, twice as big, at
    // canvas x 100–190, y 100–180.
    const zoomed = await picture('drawn', { ...plain, x: 50, y: 50, zoom: 2 });
    const zoomedInk = inked(new Uint8Array(await zoomed.arrayBuffer()), 400);
    expect(zoomedInk.solid).toEqual(['31,42,68']);
    expect(zoomedInk.box.left).toBeGreaterThanOrEqual(92);
    expect(zoomedInk.box.right).toBeLessThanOrEqual(198);
    expect(zoomedInk.box.right - zoomedInk.box.left).toBeGreaterThan(
      2 * (ink.box.right - ink.box.left) - 8,
    );

    const etag = res.headers.get('etag')!;
    expect((await picture('drawn', plain, { 'if-none-match': etag })).status).toBe(304);
    // A change: a new state and a new picture.
    drawStroke(writer, 'seat-1', 250);
    await eventually(() => expect(reader.board.elements.size).toBe(2));
    const changed = await picture('drawn', plain, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    // Both strokes now: ink from board x 100 to 295.
    const both = inked(new Uint8Array(await changed.arrayBuffer()), 400);
    expect(both.box.left).toBe(ink.box.left);
    expect(both.box.right).toBeGreaterThan(290);
    const next = stateVectorOfHeader(changed.headers.get(BOARD_STATE_HEADER));
    expect(sameState(next, state)).toBe(false);
  });

  it('answers a bad view with a JSON error and a missing board with nothing, never creating it', async () => {
    live.server = await startTestServer();
    const view = { x: 0, y: 0, zoom: 1, width: 400, height: 300, pixelRatio: 1 };
    for (const bad of [
      { ...view, width: 0 },
      { ...view, width: 8193 },
      { ...view, zoom: 0 },
      { ...view, height: 2.5 },
      { ...view, x: Number.NaN },
    ]) {
      const res = await picture('nobody-here', bad);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ refusal: { code: 'badRequest' } });
    }
    const missing = await picture('nobody-here', view);
    expect(missing.status).toBe(204);
    const join = await (await fetch(`${live.server.url}/api/boards/nobody-here/join`)).json();
    expect(join).toMatchObject({ exists: false });
  });
});
