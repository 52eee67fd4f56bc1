import type { Board } from '../doc/board';
import { compareByZ } from '../doc/board';
import { createId } from '../doc/ids';
import { zKeysAbove, zKeysBelow } from '../doc/z-order';
import type { ElementRecord } from '../schema/elements';
import { defineCommand, writeRecords } from './command';

/** Distributive Omit, so each element type keeps its own fields. */
type WithoutZ<T> = T extends unknown ? Omit<T, 'z' | 'id' | 'createdAt'> : never;
export type NewElement = WithoutZ<ElementRecord> & { id?: string; createdAt?: number };

/** Puts a new element on top of the board; returns its id. */
export const addElement = defineCommand((board, element: NewElement): string => {
  const record = {
    ...element,
    id: element.id ?? createId(),
    createdAt: element.createdAt ?? Date.now(),
    z: zKeysAbove(board)[0]!,
  } as ElementRecord;
  writeRecords(board, 'elements', [record]);
  return record.id;
});

/** Fields an edit may change: never an element's identity, kind or history. */
type EditableFields<T> = T extends unknown
  ? Partial<Omit<T, 'id' | 'type' | 'authorId' | 'createdAt'>>
  : never;
export type ElementChanges = EditableFields<ElementRecord>;

/**
 * Applies changes to existing elements. Elements someone else deleted meanwhile are skipped:
 * editing a stroke that was just erased is not an error for the person editing it.
 */
export const updateElements = defineCommand(
  (board, patches: readonly { id: string; changes: ElementChanges }[]) => {
    const updated: ElementRecord[] = [];
    for (const { id, changes } of patches) {
      const current = board.elements.get(id);
      if (!current) continue;
      updated.push({ ...current, ...changes, id, type: current.type } as ElementRecord);
    }
    writeRecords(board, 'elements', updated);
  },
);

export const moveElements = defineCommand(
  (board, { ids, dx, dy }: { ids: readonly string[]; dx: number; dy: number }) => {
    const moved: ElementRecord[] = [];
    for (const id of ids) {
      const current = board.elements.get(id);
      if (current) moved.push({ ...current, x: current.x + dx, y: current.y + dy });
    }
    writeRecords(board, 'elements', moved);
  },
);

/** Copies elements, offset by (dx, dy), on top of the board; returns the copies' ids. */
export const duplicateElements = defineCommand(
  (
    board,
    { ids, dx, dy, authorId }: { ids: readonly string[]; dx: number; dy: number; authorId: string },
  ): string[] => {
    const originals = ids
      .map((id) => board.elements.get(id))
      .filter((element) => element !== undefined)
      .sort(compareByZ);
    const keys = zKeysAbove(board, originals.length);
    const now = Date.now();
    const copies = originals.map(
      (element, i) =>
        ({
          ...element,
          id: createId(),
          x: element.x + dx,
          y: element.y + dy,
          z: keys[i]!,
          authorId,
          createdAt: now,
        }) as ElementRecord,
    );
    writeRecords(board, 'elements', copies);
    return copies.map((copy) => copy.id);
  },
);

export const deleteElements = defineCommand((board, ids: readonly string[]) => {
  for (const id of ids) board.elements.delete(id);
});

/** Moves elements to the top or bottom of the stack, keeping their order among themselves. */
function restack(board: Board, ids: readonly string[], place: typeof zKeysAbove) {
  const elements = ids
    .map((id) => board.elements.get(id))
    .filter((element) => element !== undefined)
    .sort(compareByZ);
  const keys = place(board, elements.length);
  writeRecords(
    board,
    'elements',
    elements.map((element, i) => ({ ...element, z: keys[i]! })),
  );
}

export const bringToFront = defineCommand((board, ids: readonly string[]) =>
  restack(board, ids, zKeysAbove),
);

export const sendToBack = defineCommand((board, ids: readonly string[]) =>
  restack(board, ids, zKeysBelow),
);
