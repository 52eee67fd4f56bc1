import type * as Y from 'yjs';
import type { ElementRecord } from '../schema/elements';
import type { ParticipantRecord } from '../schema/records/participant';
import type { SeatRecord } from '../schema/records/seat';
import type { VoteRecord } from '../schema/records/vote';
import { checkEntry } from '../schema/validate';

/**
 * The Yjs layout of one board. Every record is a plain value under its id in one of these
 * root maps; an edit replaces the whole record, so a record is always one validated unit.
 *
 *   meta          schema versions, title, createdAt
 *   elements      strokes, shapes, notes, text and images, ordered by their `z` index
 *   seats         places at the table (toolbars along its edges)
 *   participants  tablets that joined
 *   control       server-owned state: talking pencil, lock, routine
 *   votes         dot-votes of a question poster, one record per voter
 */
export interface Board {
  readonly doc: Y.Doc;
  readonly meta: Y.Map<unknown>;
  readonly elements: Y.Map<ElementRecord>;
  readonly seats: Y.Map<SeatRecord>;
  readonly participants: Y.Map<ParticipantRecord>;
  readonly control: Y.Map<unknown>;
  readonly votes: Y.Map<VoteRecord>;
}

export function openBoard(doc: Y.Doc): Board {
  return {
    doc,
    meta: doc.getMap('meta'),
    elements: doc.getMap('elements'),
    seats: doc.getMap('seats'),
    participants: doc.getMap('participants'),
    control: doc.getMap('control'),
    votes: doc.getMap('votes'),
  };
}

/** Orders by fractional index, then id, so concurrent inserts with equal `z` sort the same everywhere. */
export function compareByZ(a: ElementRecord, b: ElementRecord): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The board's valid elements bottom to top. Invalid entries (never written by us) are skipped. */
export function listElements(board: Board): ElementRecord[] {
  const out: ElementRecord[] = [];
  board.elements.forEach((value, key) => {
    if (checkEntry('elements', key, value).ok) out.push(value);
  });
  return out.sort(compareByZ);
}

/** A plain, comparable picture of the board's content (for tests and exports). */
export function boardSnapshot(board: Board): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of ['meta', 'elements', 'seats', 'participants', 'control', 'votes'] as const) {
    const entries = [...board[name].entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out[name] = Object.fromEntries(entries);
  }
  return out;
}
