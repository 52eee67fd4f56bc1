import { rectsApart } from '@roundtable/shared/testing';
import { describe, expect, it } from 'vitest';
import { placeSelectionBar } from '../src/ui/selection-place';

const area = { x: 0, y: 100, w: 1000, h: 700 };
const bar = { w: 360, h: 64 };

describe('the selection’s bar', () => {
  it('goes below the selection (its handles included), centred on it', () => {
    const selection = { x: 400, y: 200, w: 200, h: 200 };
    const at = placeSelectionBar(selection, bar, area);
    expect(at).toEqual({ x: 320, y: 416 });
  });

  it('above it when the board ends below, beside it when both ends are near, never over it', () => {
    for (const selection of [
      { x: 400, y: 600, w: 200, h: 180 },
      { x: 100, y: 130, w: 300, h: 640 },
      { x: 600, y: 130, w: 300, h: 640 },
      { x: -50, y: 120, w: 400, h: 100 },
    ]) {
      const at = placeSelectionBar(selection, bar, area);
      const box = { ...at, ...bar };
      expect(rectsApart(box, selection), JSON.stringify(selection)).toBe(true);
      expect(box.x).toBeGreaterThanOrEqual(area.x);
      expect(box.y).toBeGreaterThanOrEqual(area.y);
      expect(box.x + box.w).toBeLessThanOrEqual(area.x + area.w);
      expect(box.y + box.h).toBeLessThanOrEqual(area.y + area.h);
    }
  });

  it('stays on the board when the selection fills it', () => {
    const at = placeSelectionBar({ x: -100, y: 0, w: 1200, h: 900 }, bar, area);
    expect(at.y).toBeGreaterThanOrEqual(area.y);
    expect(at.y + bar.h).toBeLessThanOrEqual(area.y + area.h);
  });
});
