import type { BoardPage } from './board-page';

/**
 * The server's refusal counters from `GET /metrics` (`roundtable_refusals_total{reason=…}`),
 * by reason. A reason that never happened is not listed by the server: read it as 0.
 */
export async function refusals(serverUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const [, reason, value] of text.matchAll(
    /^roundtable_refusals_total\{reason="([^"]*)"\} (\d+)$/gm,
  )) {
    counts[reason!] = Number(value);
  }
  return counts;
}

/** The ids of the strokes a device holds, sorted. */
export async function strokeIds(board: BoardPage): Promise<string[]> {
  return (await board.elements())
    .filter((e) => e.type === 'stroke')
    .map((e) => e.id)
    .sort();
}

/**
 * Draws `count` short horizontal strokes with the mouse, one under the other from (x, y),
 * each waiting until the device holds it (so the next one starts from a finished stroke).
 */
export async function drawStrokes(
  board: BoardPage,
  count: number,
  { x, y, gap = 40, length = 220 }: { x: number; y: number; gap?: number; length?: number },
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const before = (await strokeIds(board)).length;
    const top = y + i * gap;
    await board.drag([
      [x, top],
      [x + length / 2, top + 12],
      [x + length, top],
    ]);
    await board.page.waitForFunction(
      (n) =>
        (window as unknown as { roundtable: { elements(): { type: string }[] } }).roundtable
          .elements()
          .filter((e) => e.type === 'stroke').length > n,
      before,
    );
  }
}

/** Resolves once `check` holds, polling every `every` ms; rejects after `timeout` ms. */
export async function until(
  check: () => Promise<boolean>,
  { timeout = 15_000, every = 50, what = 'condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}
