import { DEFAULT_LOCK, DEFAULT_PENCIL, DEFAULT_ROUTINE } from '../schema/records/control';
import { currentSchemaVersions } from '../schema/registry';
import { assertEntry } from '../schema/validate';
import type { Board } from './board';
import { SERVER_ORIGIN } from './origins';

/**
 * Fills in what a new board needs (schema versions, title, control defaults) and leaves
 * anything already there alone, so calling it on an existing board changes nothing.
 */
export function initBoard(board: Board, { title = '', now = Date.now() } = {}): void {
  board.doc.transact(() => {
    const defaults: [typeof board.meta, string, unknown][] = [
      [board.meta, 'schema', currentSchemaVersions()],
      [board.meta, 'title', title],
      [board.meta, 'createdAt', now],
      [board.control, 'pencil', DEFAULT_PENCIL],
      [board.control, 'lock', DEFAULT_LOCK],
      [board.control, 'routine', DEFAULT_ROUTINE],
    ];
    for (const [map, key, value] of defaults) {
      if (map.has(key)) continue;
      assertEntry(map === board.meta ? 'meta' : 'control', key, value);
      map.set(key, value);
    }
  }, SERVER_ORIGIN);
}
