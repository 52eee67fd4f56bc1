import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import { addElement, bringToFront } from '../src/commands/elements';
import { localOrigin } from '../src/doc/origins';
import { replaySteps } from '../src/replay/replay';
import { newBoard } from './fixtures';

const note = (text: string, createdAt: number) => ({
  type: 'note' as const,
  authorId: 'seat-1',
  x: 0,
  y: 0,
  w: 100,
  h: 100,
  rotation: 0,
  color: '#ffe066',
  text,
  fontSize: 20,
  createdAt,
});

describe('replay', () => {
  it('gives the elements in the order they were made, whatever their stacking', () => {
    const board = newBoard();
    const as = localOrigin('seat-1');
    const third = runCommand(board, addElement, note('third', 3000), as);
    const first = runCommand(board, addElement, note('first', 1000), as);
    runCommand(board, addElement, note('second', 2000), as);
    runCommand(board, bringToFront, [first], as);
    expect(replaySteps(board).map((e) => (e.type === 'note' ? e.text : ''))).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(replaySteps(board).at(-1)!.id).toBe(third);
  });

  it('breaks ties in stacking order, the same on every device', () => {
    const board = newBoard();
    const as = localOrigin('seat-1');
    const a = runCommand(board, addElement, note('a', 5), as);
    const b = runCommand(board, addElement, note('b', 5), as);
    expect(replaySteps(board).map((e) => e.id)).toEqual([a, b]);
    runCommand(board, bringToFront, [a], as);
    expect(replaySteps(board).map((e) => e.id)).toEqual([b, a]);
  });
});
