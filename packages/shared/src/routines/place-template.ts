import * as Y from 'yjs';
import { type Board, listElements, openBoard } from '../doc/board';
import { createId } from '../doc/ids';
import { zKeysBelow } from '../doc/z-order';
import type { ElementRecord } from '../schema/elements';
import { migrateBoard } from '../schema/migrate';
import { currentSchemaVersions } from '../schema/registry';
import { assertEntry } from '../schema/validate';
import type { ElementBlueprint } from './template';

/** Who template content is credited to (not a seat or a tablet, so nobody's undo takes it). */
export const TEMPLATE_AUTHOR = 'routine';

/**
 * Puts a template's content on the board beneath whatever is there (a template is the
 * background: a photo already on the board stays visible), in one transaction. Every record
 * is checked before any is written, so a bad template changes nothing. Returns the new ids.
 */
export function placeBlueprints(
  board: Board,
  blueprints: readonly ElementBlueprint[],
  now: number,
): string[] {
  const zs = zKeysBelow(board, blueprints.length);
  const records = blueprints.map((blueprint, i) => {
    const id = createId();
    const record = { ...blueprint, id, z: zs[i]!, authorId: TEMPLATE_AUTHOR, createdAt: now };
    assertEntry('elements', id, record);
    return record as ElementRecord;
  });
  board.doc.transact(() => {
    for (const record of records) board.elements.set(record.id, record);
  });
  return records.map((record) => record.id);
}

/**
 * A board's content kept as a template: a Yjs update of its elements and the schema versions
 * they were written in, so a template saved today still places correctly after the record
 * layouts change (it is migrated like any old board when used).
 */
export function templateSnapshot(board: Board): Uint8Array {
  const copy = openBoard(new Y.Doc());
  copy.doc.transact(() => {
    copy.meta.set('schema', currentSchemaVersions());
    for (const element of listElements(board)) copy.elements.set(element.id, element);
  });
  const update = Y.encodeStateAsUpdate(copy.doc);
  copy.doc.destroy();
  return update;
}

/** The content of a saved template, brought up to today's schema, bottom to top. */
export function blueprintsOfSnapshot(snapshot: Uint8Array): ElementBlueprint[] {
  const board = openBoard(new Y.Doc());
  Y.applyUpdate(board.doc, snapshot);
  migrateBoard(board);
  const blueprints = listElements(board).map(({ id, z, authorId, createdAt, ...rest }) => {
    return rest as ElementBlueprint;
  });
  board.doc.destroy();
  return blueprints;
}
