import { decodeStroke, encodeStroke, memoByObject, type StrokePoint } from '@roundtable/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { LiveInk } from '../controller/gestures/draw';

/** How live ink travels in awareness: the stroke's points packed and base64-encoded. */
interface WireInk {
  tool: LiveInk['tool'];
  color: string;
  width: number;
  points: string;
  /** Who is drawing it: a name tag follows the ink on other devices. */
  by?: { name: string; color: string };
}

/** Keeps a long live stroke's awareness state under the server's size cap. */
const MAX_LIVE_POINTS = 1_500;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Publishes this device's strokes-in-progress so others see them while they are drawn. */
export function publishLiveInk(awareness: Awareness, inks: Iterable<LiveInk>): void {
  const wire: WireInk[] = [];
  for (const ink of inks) {
    const points = ink.points.slice(-MAX_LIVE_POINTS);
    wire.push({
      tool: ink.tool,
      color: ink.color,
      width: ink.width,
      points: toBase64(encodeStroke(points)),
      ...(ink.by ? { by: ink.by } : {}),
    });
  }
  awareness.setLocalStateField('ink', wire);
}

/**
 * One peer's stroke-in-progress, decoded; null if malformed. Remembered per wire object:
 * a peer's awareness state is a new object with each of its updates, while the live layer
 * redraws every frame someone here draws, and would otherwise decode it all again.
 */
const decodeWireInk = memoByObject((wire: WireInk): LiveInk | null => {
  try {
    const { count, hasPressure, points } = decodeStroke(fromBase64(wire.points));
    const decoded: StrokePoint[] = [];
    // A finger reports no pressure: leave it out, so speed thins the ink here as it
    // does for the finished stroke (a made-up pressure drew it thicker until lifted).
    for (let i = 0; i < count; i++) {
      const point: StrokePoint = { x: points[i * 3]!, y: points[i * 3 + 1]! };
      if (hasPressure) point.pressure = points[i * 3 + 2]!;
      decoded.push(point);
    }
    const by =
      typeof wire.by?.name === 'string' && typeof wire.by.color === 'string'
        ? { name: wire.by.name.slice(0, 40), color: wire.by.color }
        : undefined;
    return {
      tool: wire.tool,
      color: wire.color,
      width: wire.width,
      points: decoded,
      ...(by ? { by } : {}),
    };
  } catch {
    // a peer on another version, or a broken message: not worth breaking the board
    return null;
  }
});

/**
 * Everyone else's strokes-in-progress, each under a key of its own while it is drawn (its
 * device and its place in that device's list). Malformed entries from a peer are skipped.
 */
export function remoteLiveInk(awareness: Awareness): Map<string, LiveInk> {
  const inks = new Map<string, LiveInk>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID || !Array.isArray(state?.ink)) continue;
    for (const [index, wire] of (state.ink as unknown[]).entries()) {
      if (typeof wire !== 'object' || wire === null) continue;
      const ink = decodeWireInk(wire as WireInk);
      if (ink) inks.set(`${clientId}/${index}`, ink);
    }
  }
  return inks;
}
