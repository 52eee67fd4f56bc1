import { describe, expect, it } from 'vitest';
import { changesSincePicture, type PictureElements, sameCamera } from '../src/render/raster-diff';

const picture: PictureElements = {
  ids: ['a', 'b', 'c'],
  clients: [1, 1, 2],
  clocks: [10, 11, 5],
  bounds: [0, 0, 10, 10, 20, 20, 5, 5, 100, 100, 1, 2],
};

describe('changesSincePicture', () => {
  it('finds nothing to redraw when every element is as pictured', () => {
    const current = [
      ['a', { client: 1, clock: 10 }],
      ['b', { client: 1, clock: 11 }],
      ['c', { client: 2, clock: 5 }],
    ] as const;
    expect(changesSincePicture(picture, current)).toEqual({ changed: [], formerAreas: [] });
  });

  it('redraws new and changed elements where they are, and changed and gone ones where they were', () => {
    const current = [
      ['a', { client: 1, clock: 10 }],
      ['b', { client: 3, clock: 0 }],
      ['d', { client: 3, clock: 1 }],
    ] as const;
    expect(changesSincePicture(picture, current)).toEqual({
      changed: ['b', 'd'],
      formerAreas: [
        { x: 20, y: 20, w: 5, h: 5 },
        { x: 100, y: 100, w: 1, h: 2 },
      ],
    });
  });
});

describe('sameCamera', () => {
  it('matches equal views only', () => {
    expect(sameCamera({ x: 1, y: 2, zoom: 1 }, { x: 1, y: 2, zoom: 1 })).toBe(true);
    expect(sameCamera({ x: 1, y: 2, zoom: 1 }, { x: 1.5, y: 2, zoom: 1 })).toBe(false);
    expect(sameCamera({ x: 1, y: 2, zoom: 1 }, { x: 1, y: 2, zoom: 1.01 })).toBe(false);
  });
});
