import type { RoundtableTestHook } from '@roundtable/shared/testing';
import type { BoardController } from '../controller/controller';
import { rasterCachedNow } from '../render/raster/raster-keeper';

/** The hook as the board page fills it. */
export type BoardTestHook = RoundtableTestHook<BoardController>;

/**
 * Sets `window.roundtable` for end-to-end tests. Call it only under
 * `if (import.meta.env.VITE_TEST_HOOK)`: the shipped build defines that false, so this
 * module and every call are dropped from it (a test greps the built assets).
 */
export function exposeTestHook(hook: BoardTestHook): void {
  (window as unknown as { roundtable: BoardTestHook }).roundtable = {
    rasterCached: async () => rasterCachedNow(),
    ...hook,
  };
}
