import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import { addElement, type NewElement, updateElements } from '../src/commands/elements';
import { addStroke } from '../src/commands/strokes';
import { boardSnapshot } from '../src/doc/board';
import { localOrigin } from '../src/doc/origins';
import { encodeStroke } from '../src/encoding/stroke-codec';
import { DEFAULT_PENCIL } from '../src/schema/records/control';
import { checkEntry, RecordValidationError } from '../src/schema/validate';
import { newBoard } from './fixtures';

const me = localOrigin('seat-1');
const note: NewElement = {
  type: 'note',
  authorId: 'seat-1',
  x: 10,
  y: 20,
  rotation: 0,
  w: 200,
  h: 200,
  color: '#ffe066',
  text: 'I wonder…',
  fontSize: 28,
};

function errorOf(fn: () => unknown): RecordValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecordValidationError) return error;
    throw error;
  }
  throw new Error('expected a RecordValidationError');
}

describe('record validation', () => {
  it('accepts a good note and stores it under its id', () => {
    const board = newBoard();
    const id = runCommand(board, addElement, note, me);
    expect(board.elements.get(id)).toMatchObject({ type: 'note', text: 'I wonder…' });
  });

  it('refuses a bad record with a clear error and applies nothing', () => {
    const board = newBoard();
    const before = boardSnapshot(board);
    const error = errorOf(() => runCommand(board, addElement, { ...note, color: 'pink' }, me));
    expect(error.message).toMatch(
      /^note elements\["\w+"\] is invalid: color: must be a colour like #1a2b3c$/,
    );
    expect(boardSnapshot(board)).toEqual(before);
  });

  it('applies none of a batch when one record in it is bad', () => {
    const board = newBoard();
    const a = runCommand(board, addElement, note, me);
    const b = runCommand(board, addElement, note, me);
    const before = boardSnapshot(board);
    expect(() =>
      runCommand(
        board,
        updateElements,
        [
          { id: a, changes: { x: 500 } },
          { id: b, changes: { x: Number.POSITIVE_INFINITY } },
        ],
        me,
      ),
    ).toThrow(RecordValidationError);
    expect(boardSnapshot(board)).toEqual(before);
  });

  it('refuses non-finite points before they reach the board', () => {
    const board = newBoard();
    expect(() =>
      runCommand(
        board,
        addStroke,
        {
          authorId: 'seat-1',
          tool: 'pen',
          color: '#000000',
          width: 4,
          points: [
            { x: 0, y: 0 },
            { x: Number.NaN, y: 1 },
          ],
        },
        me,
      ),
    ).toThrow(/finite/);
    expect(board.elements.size).toBe(0);
  });

  const stroke = {
    id: 's1',
    type: 'stroke',
    x: 0,
    y: 0,
    rotation: 0,
    z: 'a0',
    authorId: 'seat-1',
    createdAt: 1,
    tool: 'pen',
    color: '#000000',
    width: 3,
    points: encodeStroke([
      { x: 0, y: 0 },
      { x: 3, y: 4 },
    ]),
  };

  it.each([
    [
      'an unknown element type',
      'elements',
      's1',
      { ...stroke, type: 'video' },
      /type must be one of/,
    ],
    [
      'a record stored under another id',
      'elements',
      'other',
      stroke,
      /id must equal its key "other"/,
    ],
    [
      'extra fields smuggled into a record',
      'elements',
      's1',
      { ...stroke, evil: true },
      /Unrecognized key/,
    ],
    [
      'corrupt stroke bytes',
      'elements',
      's1',
      { ...stroke, points: new Uint8Array([1, 0, 5]) },
      /encoded stroke/,
    ],
    ['points as a float array', 'elements', 's1', { ...stroke, points: [0, 0, 0.5] }, /points/],
    ['an invalid z index', 'elements', 's1', { ...stroke, z: 'a00' }, /fractional index/],
    ['a huge coordinate', 'elements', 's1', { ...stroke, x: 1e12 }, /x:/],
    ['a null record', 'elements', 's1', null, /type must be one of/],
    [
      'a seat on no edge',
      'seats',
      'k',
      { id: 'k', name: 'Kai', color: '#ff0000', edge: 'middle', offset: 0.5 },
      /edge/,
    ],
    [
      'a blank seat name',
      'seats',
      'k',
      { id: 'k', name: '   ', color: '#ff0000', edge: 'top', offset: 0.5 },
      /name/,
    ],
    ['an unknown control key', 'control', 'admin', { yes: true }, /unknown control key/],
    [
      'a pencil queue of non-ids',
      'control',
      'pencil',
      { ...DEFAULT_PENCIL, queue: ['<script>'] },
      /queue\.0/,
    ],
    ['an unknown root map', 'secrets', 'x', {}, /unknown root map/],
    ['an unknown meta key', 'meta', 'owner', 'me', /unknown meta key/],
  ])('refuses %s', (_what, map, key, value, message) => {
    const result = checkEntry(map, key, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('accepts each kind of record the board writes', () => {
    expect(checkEntry('elements', 's1', stroke)).toEqual({ ok: true });
    expect(
      checkEntry('seats', 'k', {
        id: 'k',
        name: 'Kai',
        color: '#ff0000',
        edge: 'left',
        offset: 0.25,
      }),
    ).toEqual({ ok: true });
    expect(
      checkEntry('participants', 't', {
        id: 't',
        kind: 'tablet',
        name: 'Group B',
        color: '#00aa55',
        joinedAt: 5,
        keyHash: '',
      }),
    ).toEqual({ ok: true });
    expect(
      checkEntry('control', 'pencil', {
        ...DEFAULT_PENCIL,
        mode: 'pencil',
        holderId: 'k',
        queue: ['t'],
      }),
    ).toEqual({ ok: true });
    expect(checkEntry('meta', 'title', 'Super Digital Superhero')).toEqual({ ok: true });
  });
});
