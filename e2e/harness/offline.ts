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

/**
 * How many updates the device's offline copy of `boardId` (y-indexeddb) holds; 0 before it
 * exists. It stores each change as its own entry once started: a count that grew by n means
 * n more changes would survive a reload. (It never opens a database that does not exist yet:
 * doing so would create one without y-indexeddb's stores.)
 */
export function storedUpdates(board: BoardPage, boardId: string): Promise<number> {
  return board.page.evaluate(async (name) => {
    const all = await indexedDB.databases();
    if (!all.some((db) => db.name === name)) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('updates')) {
          db.close();
          resolve(0);
          return;
        }
        const count = db.transaction('updates', 'readonly').objectStore('updates').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => {
          db.close();
          reject(count.error);
        };
      };
    });
  }, `roundtable:${boardId}`);
}
