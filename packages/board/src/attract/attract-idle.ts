/**
 * When the table may show the exhibits (attract mode): only on an idle board. Idle means no
 * routine clock running, no other device on the board (a tablet present, or drawing), and
 * nothing happening on it (a touch on the table, a change to the board, another device's ink
 * or cursor) for the whole idle period. Pure: the hook feeds it what it sees.
 */
export interface BoardActivity {
  /** When anything last happened on the board (ms, any clock the caller keeps). */
  lastActivityAt: number;
  /** A routine's countdown is running on this board. */
  clockRunning: boolean;
  /** Other devices on the board now (tablets, another screen), watchers not counted. */
  othersPresent: number;
}

/** Whether the slideshow is due at `now`, after `idleMs` of nothing. */
export function attractDue(activity: BoardActivity, now: number, idleMs: number): boolean {
  if (activity.clockRunning || activity.othersPresent > 0) return false;
  return now - activity.lastActivityAt >= idleMs;
}

/** How long to wait before looking again (never busy-polling, never later than due). */
export function nextAttractCheck(activity: BoardActivity, now: number, idleMs: number): number {
  const left = activity.lastActivityAt + idleMs - now;
  return Math.max(250, Math.min(left, 5_000));
}

/** `?attract=<minutes>` (default 10; 0 = never): the idle period in ms, or null for never. */
export function attractAfterMs(search: string): number | null {
  const minutes = Number(new URLSearchParams(search).get('attract') ?? 10);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : null;
}
