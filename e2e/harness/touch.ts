import type { CDPSession, Page } from 'playwright-core';

export interface TouchPath {
  /** Points the finger passes through, in CSS pixels of the viewport. */
  points: readonly { x: number; y: number }[];
  /** Contact size in px: a fingertip is ~10, a resting palm 60+ (the board ignores palms). */
  radius?: number;
}

/**
 * Several fingers at once over CDP `Input.dispatchTouchEvent`: every finger goes down, all
 * move together step by step, then all lift. Each event carries every active touch point,
 * as a real multi-touch screen reports them.
 */
export async function multiTouch(
  page: Page,
  fingers: readonly TouchPath[],
  { midway }: { midway?: () => Promise<void> } = {},
): Promise<void> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const steps = Math.max(...fingers.map((f) => f.points.length));
  const pointAt = (finger: TouchPath, id: number, step: number) => {
    const p = finger.points[Math.min(step, finger.points.length - 1)]!;
    const r = finger.radius ?? 10;
    return { x: p.x, y: p.y, id, radiusX: r, radiusY: r, force: 0.5 };
  };
  try {
    for (let down = 0; down < fingers.length; down++) {
      await session.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: fingers.slice(0, down + 1).map((finger, id) => pointAt(finger, id, 0)),
      });
    }
    for (let step = 1; step < steps; step++) {
      await session.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: fingers.map((finger, id) => pointAt(finger, id, step)),
      });
      // Lets a test look at other devices while the fingers are still down.
      if (midway && step === Math.floor(steps / 2)) await midway();
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await session.detach();
  }
}

/** A straight line from (x1, y1) to (x2, y2) in `steps` moves. */
export function line(x1: number, y1: number, x2: number, y2: number, steps = 12): TouchPath {
  return {
    points: Array.from({ length: steps + 1 }, (_, i) => ({
      x: x1 + ((x2 - x1) * i) / steps,
      y: y1 + ((y2 - y1) * i) / steps,
    })),
  };
}
