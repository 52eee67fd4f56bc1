/**
 * The board's whole state, downloading since the page's inline script ran
 * (prefetch-board.js): it arrives while the app's script is still loading and parsing.
 */
interface Prefetch {
  boardId: string;
  state: Promise<ArrayBuffer | null>;
}

declare global {
  interface Window {
    __roundtablePrefetch?: Prefetch;
  }
}

/**
 * Takes what the page started downloading for `boardId` (once: a board reopened later syncs
 * over its socket). Resolves to null when there is nothing to use: no such board yet,
 * offline, or an answer that is not a board.
 */
export function takePrefetchedState(boardId: string): Promise<Uint8Array | null> | null {
  const prefetch = window.__roundtablePrefetch;
  if (!prefetch || prefetch.boardId !== boardId) return null;
  window.__roundtablePrefetch = undefined;
  return prefetch.state.then(
    (buffer) => (buffer && buffer.byteLength > 0 ? new Uint8Array(buffer) : null),
    () => null,
  );
}
