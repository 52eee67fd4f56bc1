import { type Board, defineCommand, type ElementRecord, writeRecords } from '@roundtable/shared';
import * as Y from 'yjs';
import type { BoardController } from '../controller/controller';
import {
  AUTO_ADD_BACKOFF_MS,
  decodeKept,
  encodeKept,
  type KeptAside,
  type KeptRecord,
  keptAsideKey,
  mergeKept,
  type StateVector,
  unconfirmedRecords,
} from './kept-aside';

/**
 * The device's side of "nothing lost": before a refused board is cleared, the work this
 * device wrote that the server has not confirmed goes to localStorage; once the board is back
 * from the server, it goes on again as far as the rules allow (see `kept-aside.ts`).
 */

/** Who this device writes as: a tablet as itself, the table as itself and its seats. */
export function authorsOf(controller: BoardController): string[] {
  return controller.layout === 'table'
    ? [controller.actorId, ...controller.board.seats.keys()]
    : [controller.actorId];
}

/** Every element on this device's board, with the Yjs item (client, clock) that holds it. */
export function elementItems(board: Board): KeptRecord[] {
  // Y.Map keeps each key's current item in `_map`; its id says who wrote it, and when.
  const items = (board.elements as unknown as { _map: Map<string, Y.Item> })._map;
  const result: KeptRecord[] = [];
  for (const [id, item] of items) {
    if (item.deleted) continue;
    const record = board.elements.get(id);
    if (record) result.push({ record, client: item.id.client, clock: item.id.clock });
  }
  return result;
}

/**
 * What the server holds of the board, as a state vector (an empty one if it stores nothing
 * yet); null if it cannot be asked right now.
 */
export async function serverStateVector(
  boardId: string,
  timeoutMs = 4000,
): Promise<StateVector | null> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/state`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 204) return new Map();
    if (!response.ok) return null;
    const state = new Uint8Array(await response.arrayBuffer());
    return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  } catch {
    return null;
  }
}

export function loadKept(boardId: string): KeptAside {
  try {
    return decodeKept(localStorage.getItem(keptAsideKey(boardId)));
  } catch {
    return decodeKept(null);
  }
}

/** Stores what is kept aside (forgets the key when nothing is); throws if it cannot. */
export function saveKept(boardId: string, kept: KeptAside): void {
  if (kept.records.length === 0) localStorage.removeItem(keptAsideKey(boardId));
  else localStorage.setItem(keptAsideKey(boardId), encodeKept(kept));
}

/**
 * Before a board the server refused is cleared: keeps this device's records the server has
 * not seen in localStorage (with those kept before). Returns how many it kept now. Throws
 * if they could not be stored: then nothing may be cleared.
 */
export async function keepUnconfirmedWork(
  boardId: string,
  board: Board,
  authors: readonly string[],
): Promise<{ kept: number; keepAgain: () => void }> {
  const server = await serverStateVector(boardId);
  // Read the board after asking: anything drawn meanwhile is kept too.
  const keep = () => {
    const mine = unconfirmedRecords(elementItems(board), authors, server);
    const before = loadKept(boardId);
    const autoAddedJustNow =
      before.autoAddedAt !== null && Date.now() - before.autoAddedAt < AUTO_ADD_BACKOFF_MS;
    saveKept(boardId, {
      records: mergeKept(before.records, mine),
      // A change the device made by itself was refused again: the student decides next time.
      auto: !autoAddedJustNow,
      autoAddedAt: before.autoAddedAt,
    });
    return mine.length;
  };
  return { kept: keep(), keepAgain: () => void keep() };
}

/** Puts records back on the board as they were: one transaction, so one undo step. */
export const restoreElements = defineCommand((board, records: readonly ElementRecord[]) =>
  writeRecords(board, 'elements', records),
);

/**
 * Adds kept records to the board again as new changes of their authors (each seat's or the
 * tablet's own undo takes them back), and returns them with the items that now hold them.
 */
export function addAgain(controller: BoardController, kept: readonly KeptRecord[]): KeptRecord[] {
  const byAuthor = new Map<string, ElementRecord[]>();
  for (const { record } of kept) {
    const list = byAuthor.get(record.authorId) ?? [];
    list.push(record);
    byAuthor.set(record.authorId, list);
  }
  for (const [authorId, records] of byAuthor) {
    controller.actor(authorId).perform(restoreElements, records);
  }
  const ids = new Set(kept.map((item) => item.record.id));
  return elementItems(controller.board).filter((item) => ids.has(item.record.id));
}
