import type { Layout } from '../controller/controller';
import type { LibrarianState } from './librarian-session';

/**
 * Whether this device speaks for the table's seats, as the server decides it at the socket's
 * upgrade: an enrolled table, or any table screen before a librarian PIN is set. Unknown
 * (still asking, or offline) counts as yes: the server has the last word, and the table's
 * own work is kept aside if it refuses.
 */
export function speaksForSeats(layout: Layout, state: LibrarianState | null): boolean {
  if (layout !== 'table') return false;
  if (state === null || !state.known) return true;
  return !state.pinSet || state.table !== null;
}

export type TableTrustNotice = 'unprotected' | 'not-enrolled';

/** What the table should say about itself: nothing, once it is an enrolled table with a PIN set. */
export function tableTrustNotice(
  layout: Layout,
  state: LibrarianState | null,
): TableTrustNotice | null {
  if (layout !== 'table' || state === null || !state.known) return null;
  if (!state.pinSet) return 'unprotected';
  return state.table === null ? 'not-enrolled' : null;
}
