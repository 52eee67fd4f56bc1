import { describe, expect, it } from 'vitest';
import { unpremultiply } from '../src/render/unpremultiply';

describe('unpremultiply', () => {
  it('divides colour by alpha, leaving opaque and clear pixels as they are', () => {
    // biome-ignore format: one pixel a line
    const pixels = new Uint8Array([
      128, 0, 0, 128, // half-clear red, premultiplied
      10, 20, 30, 255, // opaque
      0, 0, 0, 0, // clear
      51, 25, 0, 51, // a fifth of orange
      255, 255, 255, 100, // over-bright (rounding upstream): capped
    ]);
    unpremultiply(pixels);
    // biome-ignore format: one pixel a line
    expect([...pixels]).toEqual([
      255, 0, 0, 128,
      10, 20, 30, 255,
      0, 0, 0, 0,
      255, 125, 0, 51,
      255, 255, 255, 100,
    ]);
  });
});
