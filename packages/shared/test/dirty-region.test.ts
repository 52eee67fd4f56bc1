import { describe, expect, it } from 'vitest';
import {
  boardRectOfPixels,
  DirtyRegion,
  inkBounds,
  inkOutline,
  type PixelRect,
  paddedPointBounds,
  pixelsOnCanvas,
} from '../src';

describe('DirtyRegion', () => {
  it('covers nothing until something is drawn', () => {
    expect(new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1).covered()).toEqual([]);
  });

  it('maps board rectangles through the camera and pixel ratio, grown to whole pixels', () => {
    const region = new DirtyRegion({ x: 100, y: 50, zoom: 2 }, 1.5);
    region.addBoardRect({ x: 110, y: 60, w: 10, h: 5 });
    // screen (20, 20)–(40, 30); canvas (30, 30)–(60, 45); two pixels of margin
    expect(region.covered()).toEqual([{ x: 28, y: 28, w: 34, h: 19 }]);
  });

  it('keeps a rectangle per thing drawn, in board or screen coordinates', () => {
    const region = new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1);
    region.addBoardRect({ x: 10, y: 10, w: 5, h: 5 });
    region.addScreenRect({ x: 100.4, y: 3.6, w: 20, h: 1 });
    expect(region.covered()).toEqual([
      { x: 8, y: 8, w: 9, h: 9 },
      { x: 98, y: 1, w: 25, h: 6 },
    ]);
  });

  it('takes rectangles given with a negative size', () => {
    const region = new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1);
    region.addScreenRect({ x: 50, y: 50, w: -20, h: -10 });
    expect(region.covered()).toEqual([{ x: 28, y: 38, w: 24, h: 14 }]);
  });

  it('clears one rectangle around them all past 32', () => {
    const region = new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1);
    for (let i = 0; i < 40; i++) region.addScreenRect({ x: i * 10, y: i, w: 4, h: 4 });
    expect(region.covered()).toEqual([{ x: -2, y: -2, w: 398, h: 47 }]);
  });

  it('covers everything once anything without bounds is drawn, or a bound is not a number', () => {
    const unknown = new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1);
    unknown.addBoardRect({ x: 0, y: 0, w: 1, h: 1 });
    unknown.addEverything();
    expect(unknown.covered()).toBe('all');
    const broken = new DirtyRegion({ x: 0, y: 0, zoom: 1 }, 1);
    broken.addBoardRect({ x: Number.NaN, y: 0, w: 1, h: 1 });
    expect(broken.covered()).toBe('all');
  });
});

describe('ink bounds', () => {
  it('pads the points on every side', () => {
    expect(paddedPointBounds([], 3)).toBeNull();
    expect(
      paddedPointBounds(
        [
          { x: 5, y: 1 },
          { x: -2, y: 4 },
        ],
        3,
      ),
    ).toEqual({ x: -5, y: -2, w: 13, h: 9 });
  });

  it('holds the whole perfect-freehand outline, whatever the pressure', () => {
    for (const pressure of [0, 0.5, 1]) {
      for (const tool of ['pen', 'highlighter'] as const) {
        const points = Array.from({ length: 30 }, (_, i) => ({
          x: i * 4,
          y: Math.sin(i / 3) * 30,
          pressure,
        }));
        const flat = new Float32Array(points.flatMap((p) => [p.x, p.y, p.pressure]));
        const style = { tool, width: 16 };
        const outline = inkOutline(
          { count: points.length, hasPressure: true, points: flat },
          style,
        );
        const box = inkBounds(points, style)!;
        for (let i = 0; i < outline.length; i += 2) {
          expect(outline[i]!).toBeGreaterThanOrEqual(box.x);
          expect(outline[i]!).toBeLessThanOrEqual(box.x + box.w);
          expect(outline[i + 1]!).toBeGreaterThanOrEqual(box.y);
          expect(outline[i + 1]!).toBeLessThanOrEqual(box.y + box.h);
        }
      }
    }
  });
});

describe('canvas pixels and the board', () => {
  it('keeps the part of a rectangle on the canvas, and nothing of one off it', () => {
    expect(pixelsOnCanvas({ x: -5, y: 90, w: 20, h: 20 }, 100, 100)).toEqual({
      x: 0,
      y: 90,
      w: 15,
      h: 10,
    });
    expect(pixelsOnCanvas({ x: 100, y: 0, w: 20, h: 20 }, 100, 100)).toBeNull();
  });

  it('maps pixels back to the board rectangle they show, around what DirtyRegion covered', () => {
    const camera = { x: 100, y: 50, zoom: 2 };
    const region = new DirtyRegion(camera, 1.5);
    region.addBoardRect({ x: 110, y: 60, w: 10, h: 5 });
    const [pixels] = region.covered() as PixelRect[];
    // canvas (28, 28) 34 x 19 at 3 pixels a unit
    expect(boardRectOfPixels(pixels!, camera, 1.5)).toEqual({
      x: 100 + 28 / 3,
      y: 50 + 28 / 3,
      w: 34 / 3,
      h: 19 / 3,
    });
  });
});
