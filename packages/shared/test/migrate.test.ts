import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardSnapshot, listElements } from '../src/doc/board';
import { createUndoManager } from '../src/doc/undo';
import { decodeStroke } from '../src/encoding/stroke-codec';
import { migrateBoard, SchemaTooNewError } from '../src/schema/migrate';
import { currentSchemaVersions } from '../src/schema/registry';
import { versionOneBoard } from './fixtures';

describe('migrations', () => {
  it('packs version 1 float-array strokes into the compact encoding', () => {
    const board = versionOneBoard();
    const flat = (board.elements.get('old-stroke') as unknown as { points: number[] }).points;
    const report = migrateBoard(board);
    expect(report).toMatchObject({ from: { stroke: 1 }, migrated: 1, failed: [] });
    expect(board.meta.get('schema')).toEqual(currentSchemaVersions());
    const stroke = board.elements.get('old-stroke');
    expect(stroke?.type === 'stroke' && stroke.points).toBeInstanceOf(Uint8Array);
    if (stroke?.type !== 'stroke') throw new Error('stroke missing');
    const decoded = decodeStroke(stroke.points);
    expect(decoded.count).toBe(120);
    expect(decoded.points[3]).toBeCloseTo(flat[3]!, 0);
    expect(listElements(board).map((e) => e.id)).toEqual(['old-stroke', 'note-1']);
  });

  it('treats a versionless board that has records as version 1', () => {
    const board = versionOneBoard();
    board.meta.delete('schema');
    expect(migrateBoard(board).migrated).toBe(1);
  });

  it('is idempotent: a current board is left exactly as it was', () => {
    const board = versionOneBoard();
    migrateBoard(board);
    const before = Y.encodeStateVector(board.doc);
    expect(migrateBoard(board)).toMatchObject({ migrated: 0, failed: [] });
    expect(Y.encodeStateVector(board.doc)).toEqual(before);
  });

  it('refuses a board from a newer version and changes nothing', () => {
    const board = versionOneBoard();
    board.meta.set('schema', { ...currentSchemaVersions(), note: 99 });
    const before = boardSnapshot(board);
    expect(() => migrateBoard(board)).toThrow(SchemaTooNewError);
    expect(() => migrateBoard(board)).toThrow(/newer Roundtable \(note v99/);
    expect(boardSnapshot(board)).toEqual(before);
  });

  it('leaves a record it cannot upgrade in place and reports it, and still migrates the rest', () => {
    const board = versionOneBoard();
    board.elements.set('broken', {
      ...(board.elements.get('old-stroke') as object),
      id: 'broken',
      points: [Number.NaN, 0, 0.5],
    } as never);
    const report = migrateBoard(board);
    expect(report.migrated).toBe(1);
    expect(report.failed).toEqual([
      { map: 'elements', key: 'broken', error: expect.stringMatching(/finite/) },
    ]);
    expect(listElements(board).map((e) => e.id)).toEqual(['old-stroke', 'note-1']);
  });

  it('is never on anyone’s undo stack', () => {
    const board = versionOneBoard();
    const undo = createUndoManager(board, 'seat-1');
    migrateBoard(board);
    expect(undo.undoStack).toHaveLength(0);
  });
});
