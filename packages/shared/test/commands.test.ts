import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCommand } from '../src/commands/command';
import {
  addElement,
  bringToFront,
  deleteElements,
  moveElements,
  type NewElement,
  sendToBack,
} from '../src/commands/elements';
import { addStroke } from '../src/commands/strokes';
import { listElements, openBoard } from '../src/doc/board';
import { localOrigin, originKind, REMOTE_ORIGIN, STORAGE_ORIGIN } from '../src/doc/origins';
import { createUndoManager } from '../src/doc/undo';
import { decodeStroke } from '../src/encoding/stroke-codec';
import { newBoard } from './fixtures';

const rect = (authorId: string): NewElement => ({
  type: 'shape',
  kind: 'rect',
  authorId,
  x: 0,
  y: 0,
  rotation: 0,
  w: 100,
  h: 50,
  stroke: '#1f2a44',
  fill: null,
  strokeWidth: 3,
});

const stroke = (authorId: string, x = 100) => ({
  authorId,
  tool: 'pen' as const,
  color: '#e03131',
  width: 5,
  points: [
    { x, y: 200 },
    { x: x + 10, y: 210 },
    { x: x + 25, y: 215 },
  ],
});

describe('commands', () => {
  it('adds a stroke at its first point with points stored relative to it', () => {
    const board = newBoard();
    const id = runCommand(board, addStroke, stroke('seat-1'), localOrigin('seat-1'));
    const record = board.elements.get(id);
    if (record?.type !== 'stroke') throw new Error('no stroke');
    expect(record).toMatchObject({ x: 100, y: 200, authorId: 'seat-1', color: '#e03131' });
    expect(Array.from(decodeStroke(record.points).points)).toEqual([
      0, 0, 0.5, 10, 10, 0.5, 25, 15, 0.5,
    ]);
  });

  it('stacks new elements on top and restacks on request', () => {
    const board = newBoard();
    const me = localOrigin('seat-1');
    const a = runCommand(board, addElement, rect('seat-1'), me);
    const b = runCommand(board, addElement, rect('seat-1'), me);
    const c = runCommand(board, addElement, rect('seat-1'), me);
    expect(listElements(board).map((e) => e.id)).toEqual([a, b, c]);
    runCommand(board, bringToFront, [a], me);
    expect(listElements(board).map((e) => e.id)).toEqual([b, c, a]);
    // Several at once keep their order among themselves, whatever order they were picked in.
    runCommand(board, sendToBack, [a, c], me);
    expect(listElements(board).map((e) => e.id)).toEqual([c, a, b]);
    runCommand(board, bringToFront, [a, c], me);
    expect(listElements(board).map((e) => e.id)).toEqual([b, c, a]);
  });

  it('moves and deletes, and skips elements that are already gone', () => {
    const board = newBoard();
    const me = localOrigin('seat-1');
    const a = runCommand(board, addElement, rect('seat-1'), me);
    runCommand(board, moveElements, { ids: [a, 'gone'], dx: 30, dy: -5 }, me);
    expect(board.elements.get(a)).toMatchObject({ x: 30, y: -5 });
    runCommand(board, deleteElements, [a, 'gone'], me);
    expect(board.elements.size).toBe(0);
  });

  it('undoes only the actor’s own edits, never a classmate’s or a remote one', () => {
    const table = newBoard();
    const seat1 = createUndoManager(table, 'seat-1');
    const seat3 = createUndoManager(table, 'seat-3');
    const mine = runCommand(table, addStroke, stroke('seat-1'), localOrigin('seat-1'));
    const theirs = runCommand(table, addStroke, stroke('seat-3', 400), localOrigin('seat-3'));

    // A tablet's stroke arrives over the network.
    const tablet = openBoard(new Y.Doc());
    Y.applyUpdate(tablet.doc, Y.encodeStateAsUpdate(table.doc));
    const remote = runCommand(tablet, addStroke, stroke('tablet-1', 700), localOrigin('tablet-1'));
    Y.applyUpdate(
      table.doc,
      Y.encodeStateAsUpdate(tablet.doc, Y.encodeStateVector(table.doc)),
      REMOTE_ORIGIN,
    );

    seat1.undo();
    expect([...table.elements.keys()].sort()).toEqual([theirs, remote].sort());
    seat1.undo(); // nothing more of seat 1's to undo
    expect(table.elements.size).toBe(2);
    seat1.redo();
    expect(table.elements.has(mine)).toBe(true);
    seat3.undo();
    expect([...table.elements.keys()].sort()).toEqual([mine, remote].sort());
  });

  it('names where a change came from', () => {
    expect(originKind(localOrigin('a'))).toBe('local');
    expect(localOrigin('a')).toBe(localOrigin('a'));
    expect(originKind(STORAGE_ORIGIN)).toBe('storage');
    expect(originKind(REMOTE_ORIGIN)).toBe('remote');
    expect(originKind({ provider: true })).toBe('remote');
  });
});
