import { describe, expect, it } from 'vitest';
import { paleOf, recoloured } from '../src/commands/recolour';
import { rectsIntersect } from '../src/geometry/camera';
import { freeSpot } from '../src/geometry/free-spot';
import { hitsElement, insideHollowShape } from '../src/geometry/hit-test';
import type { ShapeRecord } from '../src/schema/records/shape';

const base = { rotation: 0, z: 'a0', authorId: 'seat-1', createdAt: 1 };
const frame: ShapeRecord = {
  ...base,
  id: 'r',
  type: 'shape',
  kind: 'rect',
  x: 100,
  y: 100,
  w: 400,
  h: 200,
  stroke: '#1f2a44',
  fill: null,
  strokeWidth: 4,
};
const ring: ShapeRecord = { ...frame, id: 'e', kind: 'ellipse' };

describe('hollow shapes', () => {
  it('are touched on their outline, within the finger’s radius, not in their middle', () => {
    expect(hitsElement(frame, { x: 115, y: 200 }, 20)).toBe(true); // just inside the left side
    expect(hitsElement(frame, { x: 85, y: 200 }, 20)).toBe(true); // just outside it
    expect(hitsElement(frame, { x: 300, y: 200 }, 20)).toBe(false); // the middle
    expect(hitsElement(frame, { x: 300, y: 330 }, 20)).toBe(false); // well below
    expect(hitsElement({ ...frame, fill: '#ffe066' }, { x: 300, y: 200 }, 20)).toBe(true);
    // An ellipse: its rim, not its middle.
    expect(hitsElement(ring, { x: 300, y: 110 }, 20)).toBe(true);
    expect(hitsElement(ring, { x: 495, y: 200 }, 20)).toBe(true);
    expect(hitsElement(ring, { x: 300, y: 200 }, 20)).toBe(false);
  });

  it('know what lies inside them, turned or not', () => {
    expect(insideHollowShape(frame, { x: 300, y: 200 })).toBe(true);
    expect(insideHollowShape(frame, { x: 600, y: 200 })).toBe(false);
    expect(insideHollowShape(ring, { x: 110, y: 110 })).toBe(false); // the box's corner, outside the ellipse
    const turned = { ...frame, rotation: 90 };
    expect(insideHollowShape(turned, { x: 50, y: 300 })).toBe(true);
    expect(insideHollowShape(turned, { x: 300, y: 200 })).toBe(false);
  });
});

describe('recolouring', () => {
  it('changes a stroke’s ink, a shape’s outline, a note’s paper (kept pale), not a picture', () => {
    expect(recoloured(frame, '#e03131')).toMatchObject({ stroke: '#e03131' });
    const note = {
      ...base,
      id: 'n',
      type: 'note' as const,
      x: 0,
      y: 0,
      w: 200,
      h: 200,
      color: '#ffe066',
      text: 'Hi',
      fontSize: 28,
    };
    expect(recoloured(note, '#1971c2')).toMatchObject({ color: paleOf('#1971c2') });
    expect(paleOf('#000000')).toBe('#b3b3b3');
    const image = {
      ...base,
      id: 'i',
      type: 'image' as const,
      x: 0,
      y: 0,
      w: 10,
      h: 10,
      assetId: 'a'.repeat(64),
      alt: '',
    };
    expect(recoloured(image, '#e03131')).toBeNull();
  });
});

describe('a free spot for a new picture', () => {
  const size = { w: 400, h: 300 };
  it('is where it was wanted when nothing is there', () => {
    expect(freeSpot(size, [], { x: 500, y: 400 })).toEqual({ x: 300, y: 250 });
  });

  it('is the nearest place that covers nothing already there, in view when it can be', () => {
    const view = { x: 0, y: 0, w: 1920, h: 1080 };
    const occupied = [{ x: 300, y: 250, w: 400, h: 300 }];
    for (let i = 0; i < 6; i++) {
      const spot = freeSpot(size, occupied, { x: 500, y: 400 }, view);
      const placed = { ...spot, ...size };
      for (const o of occupied) expect(rectsIntersect(placed, o)).toBe(false);
      // Five fit in view beside the first; the sixth, with the view full, just beyond it.
      const inView =
        placed.x >= 0 &&
        placed.y >= 0 &&
        placed.x + placed.w <= 1920 &&
        placed.y + placed.h <= 1080;
      expect(inView).toBe(i < 5);
      occupied.push(placed);
    }
  });
});
