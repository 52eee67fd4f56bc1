import { describe, expect, it } from 'vitest';
import { encodeStroke } from '../src/encoding/stroke-codec';
import {
  elementCentre,
  handlePositions,
  MIN_ELEMENT_SIZE,
  normaliseDegrees,
  resizeTowards,
  rotateTowards,
  toBoardFrame,
  toLocal,
} from '../src/geometry/transform';
import type { ImageRecord } from '../src/schema/records/image';
import type { NoteRecord } from '../src/schema/records/note';
import type { ShapeRecord } from '../src/schema/records/shape';
import type { StrokeRecord } from '../src/schema/records/stroke';

const base = { rotation: 0, z: 'a0', authorId: 'seat-1', createdAt: 1 };
const note: NoteRecord = {
  ...base,
  id: 'n',
  type: 'note',
  x: 100,
  y: 100,
  w: 200,
  h: 100,
  color: '#ffe066',
  text: 'hi',
  fontSize: 28,
};
const image: ImageRecord = {
  ...base,
  id: 'i',
  type: 'image',
  x: 0,
  y: 0,
  w: 400,
  h: 300,
  assetId: 'a'.repeat(64),
  alt: 'a photo',
};

const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};

describe('rotating', () => {
  it('turns an element about its centre, which stays where it was', () => {
    const centre = elementCentre(note);
    close(centre, { x: 200, y: 150 });
    // The pointer to the right of the centre: the top now faces right, a quarter turn.
    const turned = { ...note, ...rotateTowards(note, { x: 500, y: 150 }) };
    expect(turned.rotation).toBeCloseTo(90);
    close(elementCentre(turned), centre);
    const tilted = { ...note, ...rotateTowards(note, { x: 310, y: 40 }) };
    expect(tilted.rotation).toBeCloseTo(45);
    close(elementCentre(tilted), centre);
  });

  it('snaps to a quarter turn within a few degrees, and keeps angles in (-180, 180]', () => {
    const nearlyUpright = rotateTowards(note, { x: 203, y: -200 });
    expect(nearlyUpright.rotation).toBe(0);
    const upsideDown = rotateTowards(note, { x: 200, y: 600 });
    expect(upsideDown.rotation).toBe(180);
    expect(normaliseDegrees(-190)).toBe(170);
    expect(normaliseDegrees(540)).toBe(180);
  });

  it('turns a stroke about the middle of its ink', () => {
    const stroke: StrokeRecord = {
      ...base,
      id: 's',
      type: 'stroke',
      x: 0,
      y: 0,
      tool: 'pen',
      color: '#000000',
      width: 2,
      points: encodeStroke([
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ]),
    };
    const before = elementCentre(stroke);
    const after = elementCentre({ ...stroke, ...rotateTowards(stroke, { x: 0, y: 200 }) });
    close(after, before);
  });
});

describe('resizing', () => {
  it('moves the bottom-right corner to the pointer, in the element’s own frame', () => {
    expect(resizeTowards(note, { x: 400, y: 260 })).toEqual({ w: 300, h: 160 });
    const rotated = { ...note, rotation: 90 };
    // Rotated a quarter turn about (100, 100): its local +x now points down the board.
    const corner = toBoardFrame(rotated, { x: 250, y: 120 });
    const size = resizeTowards(rotated, corner);
    expect(size.w).toBeCloseTo(250);
    expect(size.h).toBeCloseTo(120);
    close(toLocal(rotated, corner), { x: 250, y: 120 });
  });

  it('never shrinks below the minimum size, even past the opposite corner', () => {
    expect(resizeTowards(note, { x: 0, y: 0 })).toEqual({
      w: MIN_ELEMENT_SIZE,
      h: MIN_ELEMENT_SIZE,
    });
  });

  it('keeps a picture’s proportions', () => {
    const size = resizeTowards(image, { x: 800, y: 100 });
    expect(size.w! / size.h!).toBeCloseTo(4 / 3);
    expect(size.w).toBeCloseTo(800);
    const tiny = resizeTowards(image, { x: -50, y: -50 });
    expect(Math.min(tiny.w!, tiny.h!)).toBeCloseTo(MIN_ELEMENT_SIZE);
  });

  it('moves the end of a line or arrow, and text changes only its width', () => {
    const arrow: ShapeRecord = {
      ...base,
      id: 'a',
      type: 'shape',
      kind: 'arrow',
      x: 0,
      y: 0,
      w: 100,
      h: 0,
      stroke: '#000000',
      fill: null,
      strokeWidth: 4,
    };
    expect(resizeTowards(arrow, { x: -50, y: 80 })).toEqual({ w: -50, h: 80 });
    expect(handlePositions(arrow, 40).resize).toEqual({ x: 100, y: 0 });
    const text = {
      ...base,
      id: 't',
      type: 'text' as const,
      x: 0,
      y: 0,
      w: 300,
      text: 'hello',
      color: '#000000',
      fontSize: 32,
    };
    expect(resizeTowards(text, { x: 500, y: 999 })).toEqual({ w: 500 });
  });

  it('puts the rotate handle above the top edge and gives strokes none to resize', () => {
    expect(handlePositions(note, 40)).toEqual({
      resize: { x: 200, y: 100 },
      rotate: { x: 100, y: -40 },
    });
  });
});
