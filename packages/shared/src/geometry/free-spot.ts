import { type Point, type Rect, rectsIntersect } from './camera';

/** Room left round a new thing placed beside others (board units). */
const CLEARANCE = 24;
/** How many rings of places round the wanted spot are tried. */
const RINGS = 24;

/**
 * Where to put something of `size` so that it covers none of `occupied`: the free spot
 * nearest `around` (its centre) on rings of candidate places, preferring spots inside
 * `within` (what the screen shows). If the nearby board is full, beside everything, to the
 * right. Returns the top-left corner.
 */
export function freeSpot(
  size: { w: number; h: number },
  occupied: readonly Rect[],
  around: Point,
  within?: Rect,
): Point {
  const at = (cx: number, cy: number): Rect => ({
    x: cx - size.w / 2,
    y: cy - size.h / 2,
    w: size.w,
    h: size.h,
  });
  const step = Math.max(size.w, size.h) / 4 + CLEARANCE;
  const reach = RINGS * step + Math.max(size.w, size.h);
  const near = occupied.filter((o) =>
    rectsIntersect(o, { x: around.x - reach, y: around.y - reach, w: reach * 2, h: reach * 2 }),
  );
  const clear = (r: Rect) =>
    !near.some((o) =>
      rectsIntersect(
        { x: r.x - CLEARANCE, y: r.y - CLEARANCE, w: r.w + 2 * CLEARANCE, h: r.h + 2 * CLEARANCE },
        o,
      ),
    );
  const inView = (r: Rect) =>
    !within ||
    (r.x >= within.x &&
      r.y >= within.y &&
      r.x + r.w <= within.x + within.w &&
      r.y + r.h <= within.y + within.h);
  let fallback: Rect | null = null;
  for (let ring = 0; ring <= RINGS; ring++) {
    const candidates: Rect[] = [];
    if (ring === 0) candidates.push(at(around.x, around.y));
    for (let i = -ring; i <= ring && ring > 0; i++) {
      candidates.push(
        at(around.x + i * step, around.y - ring * step),
        at(around.x + i * step, around.y + ring * step),
      );
      if (Math.abs(i) !== ring) {
        candidates.push(
          at(around.x - ring * step, around.y + i * step),
          at(around.x + ring * step, around.y + i * step),
        );
      }
    }
    const distance = (r: Rect) => Math.hypot(r.x + r.w / 2 - around.x, r.y + r.h / 2 - around.y);
    candidates.sort((a, b) => distance(a) - distance(b));
    for (const candidate of candidates) {
      if (!clear(candidate)) continue;
      if (inView(candidate)) return { x: candidate.x, y: candidate.y };
      fallback ??= candidate;
    }
  }
  if (fallback) return { x: fallback.x, y: fallback.y };
  const right = Math.max(...occupied.map((o) => o.x + o.w));
  return { x: right + CLEARANCE * 2, y: around.y - size.h / 2 };
}
