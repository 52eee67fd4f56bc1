import { describe, expect, it } from 'vitest';
import { encodeStroke } from '../src/encoding/stroke-codec';
import { elementBounds } from '../src/geometry/bounds';
import {
  boardToScreen,
  cameraChange,
  fitCamera,
  growRect,
  IDENTITY_CAMERA,
  MAX_ZOOM,
  panBy,
  screenToBoard,
  unionRects,
  zoomAt,
} from '../src/geometry/camera';
import { hitsElement } from '../src/geometry/hit-test';
import { inkOutline, outlineToSvgPath } from '../src/render/ink';
import type { NoteRecord } from '../src/schema/records/note';
import type { StrokeRecord } from '../src/schema/records/stroke';

const base = { rotation: 0, z: 'a0', authorId: 'seat-1', createdAt: 1 };
const stroke: StrokeRecord = {
  ...base,
  id: 's',
  type: 'stroke',
  x: 100,
  y: 100,
  tool: 'pen',
  color: '#000000',
  width: 10,
  points: encodeStroke([
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 50 },
  ]),
};
const note: NoteRecord = {
  ...base,
  id: 'n',
  type: 'note',
  x: 0,
  y: 0,
  w: 200,
  h: 100,
  color: '#ffe066',
  text: '',
  fontSize: 24,
};

describe('camera', () => {
  it('round-trips between screen and board', () => {
    const camera = { x: -50, y: 20, zoom: 2 };
    const p = { x: 333, y: 44 };
    const back = boardToScreen(camera, screenToBoard(camera, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
  });

  it('zooms about the pinch point, which stays under the fingers', () => {
    const anchor = { x: 400, y: 300 };
    const before = screenToBoard(IDENTITY_CAMERA, anchor);
    const zoomed = zoomAt(IDENTITY_CAMERA, anchor, 2.5);
    const after = screenToBoard(zoomed, anchor);
    expect(zoomed.zoom).toBe(2.5);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt(zoomed, anchor, 1000).zoom).toBe(MAX_ZOOM);
  });

  it('moves a picture drawn for one camera to where another camera shows the same board', () => {
    const drawn = { x: 120, y: -40, zoom: 0.5 };
    const now = zoomAt(panBy(drawn, 300, 80), { x: 500, y: 400 }, 3);
    const { scale, x, y } = cameraChange(drawn, now);
    for (const p of [
      { x: 0, y: 0 },
      { x: 900, y: 350 },
      { x: -200, y: 1200 },
    ]) {
      const before = boardToScreen(drawn, p);
      const after = boardToScreen(now, p);
      expect(before.x * scale + x).toBeCloseTo(after.x);
      expect(before.y * scale + y).toBeCloseTo(after.y);
    }
    expect(cameraChange(now, now)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('grows a rectangle on every side', () => {
    expect(growRect({ x: 10, y: 20, w: 30, h: 40 }, 5)).toEqual({ x: 5, y: 15, w: 40, h: 50 });
  });

  it('pans with the finger', () => {
    const camera = panBy({ x: 0, y: 0, zoom: 2 }, 100, -40);
    expect(camera).toEqual({ x: -50, y: 20, zoom: 2 });
  });

  it('fits content in the viewport, centred, never zooming in past 100%', () => {
    const camera = fitCamera(
      { x: 1000, y: 1000, w: 2000, h: 500 },
      { width: 1096, height: 800 },
      48,
    );
    expect(camera.zoom).toBeCloseTo(0.5);
    const centre = screenToBoard(camera, { x: 548, y: 400 });
    expect(centre.x).toBeCloseTo(2000);
    expect(centre.y).toBeCloseTo(1250);
    expect(fitCamera({ x: 0, y: 0, w: 10, h: 10 }, { width: 800, height: 600 }).zoom).toBe(1);
    expect(fitCamera(null, { width: 800, height: 600 })).toEqual(IDENTITY_CAMERA);
  });
});

describe('bounds and hit tests', () => {
  it('bounds a stroke by its points plus half its width', () => {
    expect(elementBounds(stroke)).toEqual({ x: 95, y: 95, w: 110, h: 60 });
  });

  it('bounds a rotated note by its turned corners', () => {
    const upsideDown = elementBounds({ ...note, x: 500, y: 500, rotation: 180 });
    expect(upsideDown.x).toBeCloseTo(300);
    expect(upsideDown.y).toBeCloseTo(400);
    expect(upsideDown.w).toBeCloseTo(200);
    expect(unionRects([elementBounds(stroke), upsideDown])).toMatchObject({ x: 95, y: 95 });
  });

  it('hits a stroke near its ink and misses it in the gap', () => {
    expect(hitsElement(stroke, { x: 150, y: 108 }, 4)).toBe(true); // near the first segment
    expect(hitsElement(stroke, { x: 150, y: 130 }, 4)).toBe(false); // inside the corner, off the ink
    expect(hitsElement(stroke, { x: 205, y: 125 }, 4)).toBe(true); // beside the second segment
  });

  it('hits a note anywhere inside it, in its own rotated frame', () => {
    expect(hitsElement(note, { x: 150, y: 50 }, 0)).toBe(true);
    const turned = { ...note, x: 500, y: 500, rotation: 180 };
    expect(hitsElement(turned, { x: 400, y: 450 }, 0)).toBe(true);
    expect(hitsElement(turned, { x: 600, y: 550 }, 0)).toBe(false);
  });
});

describe('ink', () => {
  it('outlines a stroke within its bounds and as SVG path data', () => {
    const decoded = {
      count: 3,
      hasPressure: false,
      points: new Float32Array([0, 0, 0.5, 100, 0, 0.5, 100, 50, 0.5]),
    };
    const outline = inkOutline(decoded, { tool: 'pen', width: 10 });
    expect(outline.length).toBeGreaterThan(10);
    for (let i = 0; i < outline.length; i += 2) {
      expect(outline[i]).toBeGreaterThan(-10);
      expect(outline[i]).toBeLessThan(110);
    }
    expect(outlineToSvgPath(outline)).toMatch(/^M[-\d.]+,[-\d.]+ Q.+Z$/);
  });
});
