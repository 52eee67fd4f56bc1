import {
  DEFAULT_PENCIL,
  deleteElements,
  type ElementRecord,
  localOrigin,
  type PencilState,
  runCommand,
  SERVER_ORIGIN,
  setDefaultSeats,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addedAgainMessage,
  blockedBy,
  decodeKept,
  describeRecords,
  encodeKept,
  type KeptRecord,
  keptAsideMessage,
  mergeKept,
  reconcileKept,
  splitByRules,
  unconfirmedRecords,
} from '../src/sync/kept-aside';
import { addAgain, authorsOf, elementItems } from '../src/sync/offline-merge';
import { BoardDriver } from './driver';

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** Whatever one doc has that the other lacks, both ways (a sync over the socket). */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
}

function serverSets(doc: Y.Doc, pencil: Partial<PencilState>) {
  doc.transact(() => {
    const control = doc.getMap('control');
    control.set('pencil', { ...DEFAULT_PENCIL, ...(control.get('pencil') as object), ...pencil });
  }, SERVER_ORIGIN);
}

const kind = (type: ElementRecord['type'], id: string = type) => ({ type, id }) as ElementRecord;
const kept = (records: ElementRecord[]): KeptRecord[] =>
  records.map((record, i) => ({ record, client: 1, clock: i }));

const open = { pencil: DEFAULT_PENCIL, locked: false };
const pencilWith = (holderId: string | null) => ({
  pencil: { ...DEFAULT_PENCIL, mode: 'pencil' as const, holderId },
  locked: false,
});

describe('which work a refused device keeps aside', () => {
  it('keeps only its own records the server has never seen', () => {
    const server = new BoardDriver('table', new Y.Doc(), 'table');
    const tablet = new BoardDriver('tablet', new Y.Doc(), 'mia');
    sync(server.doc, tablet.doc);
    tablet.drag([
      [100, 100],
      [200, 120],
    ]);
    server.drag([
      [300, 300],
      [400, 320],
    ]);
    sync(server.doc, tablet.doc); // both strokes on both: confirmed
    // Offline now: the tablet draws two strokes; the table erases the tablet's first one.
    tablet.drag([
      [100, 400],
      [200, 420],
    ]);
    tablet.drag([
      [100, 500],
      [200, 520],
    ]);
    const erased = tablet.elements()[0]!.id;
    runCommand(server.board, deleteElements, [erased], localOrigin('table'));

    const keep = unconfirmedRecords(
      elementItems(tablet.board),
      authorsOf(tablet.controller),
      stateVector(server.doc),
    );
    // Its two offline strokes; not its confirmed stroke (erased on the table: it stays
    // erased), nor the table's.
    expect(keep.map((item) => item.record.authorId)).toEqual(['mia', 'mia']);
    expect(keep.map((item) => item.record.id)).not.toContain(erased);
    expect(keep.every((item) => !server.board.elements.has(item.record.id))).toBe(true);
  });

  it('keeps every record of its own when the server cannot be asked', () => {
    const tablet = new BoardDriver('tablet', new Y.Doc(), 'mia');
    tablet.drag([
      [100, 100],
      [200, 120],
    ]);
    tablet.board.elements.set('theirs', { ...tablet.elements()[0]!, id: 'theirs', authorId: 'x' });
    const keep = unconfirmedRecords(elementItems(tablet.board), ['mia'], null);
    expect(keep.map((item) => item.record.authorId)).toEqual(['mia']);
  });

  it('a table keeps its seats’ work', () => {
    const table = new BoardDriver('table', new Y.Doc(), 'table');
    runCommand(table.board, setDefaultSeats, 2, localOrigin('setup'));
    expect(authorsOf(table.controller).sort()).toEqual(['seat-1', 'seat-2', 'table']);
  });

  it('merges kept records by id, the newer value winning', () => {
    const a = kept([kind('stroke', 'a'), kind('note', 'b')]);
    const b: KeptRecord[] = [
      { record: { ...kind('note', 'b'), x: 5 } as ElementRecord, client: 2, clock: 0 },
    ];
    expect(mergeKept(a, b).map((item) => [item.record.id, item.client])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('reconciles with the board back from the server: confirmed, on the board, missing', () => {
    const records = kept([kind('stroke', 'seen'), kind('stroke', 'here'), kind('stroke', 'gone')]);
    records[0]!.clock = 3;
    const server = new Map([[1, 4]]); // saw clocks 0–3 of client 1
    records[1]!.client = 2;
    records[2]!.client = 2;
    const result = reconcileKept(records, server, (id) =>
      id === 'here' ? records[1]!.record : undefined,
    );
    expect(result.confirmed.map((i) => i.record.id)).toEqual(['seen']);
    expect(result.onBoard.map((i) => i.record.id)).toEqual(['here']);
    expect(result.missing.map((i) => i.record.id)).toEqual(['gone']);
  });
});

describe('what the rules allow now', () => {
  const stroke = { ...kind('stroke'), authorId: 'mia' } as ElementRecord;

  it('anything on an open board; only the holder’s work in pencil mode; nothing when locked', () => {
    expect(blockedBy(stroke, open)).toBeNull();
    expect(blockedBy(stroke, pencilWith('mia'))).toBeNull();
    expect(blockedBy(stroke, pencilWith('seat-2'))).toEqual({ kind: 'pencil', holderId: 'seat-2' });
    expect(blockedBy(stroke, pencilWith(null))).toEqual({ kind: 'pencil', holderId: null });
    expect(blockedBy(stroke, { ...pencilWith('mia'), locked: true })).toEqual({ kind: 'locked' });
  });

  it('splits a table’s work by seat', () => {
    const records = kept([
      { ...kind('stroke', 'a'), authorId: 'seat-1' } as ElementRecord,
      { ...kind('stroke', 'b'), authorId: 'seat-2' } as ElementRecord,
    ]);
    const split = splitByRules(records, pencilWith('seat-2'));
    expect(split.allowed.map((i) => i.record.id)).toEqual(['b']);
    expect(split.blocked.map((i) => i.record.id)).toEqual(['a']);
    expect(split.reason).toEqual({ kind: 'pencil', holderId: 'seat-2' });
  });
});

describe('telling the student', () => {
  it('counts in words', () => {
    expect(describeRecords([kind('stroke')])).toBe('1 stroke');
    expect(describeRecords([kind('stroke'), kind('stroke')])).toBe('2 strokes');
    expect(describeRecords([kind('note')])).toBe('1 note');
    expect(describeRecords([kind('note'), kind('stroke'), kind('stroke')])).toBe(
      '2 strokes and 1 note',
    );
    expect(describeRecords([kind('image'), kind('note'), kind('stroke'), kind('shape')])).toBe(
      '1 stroke, 1 note, 1 shape and 1 picture',
    );
  });

  it('says why and what to do', () => {
    const two = [kind('stroke'), kind('stroke')];
    expect(keptAsideMessage(two, { kind: 'pencil', holderId: 'g' }, 'Group B')).toBe(
      'The talking pencil is with Group B — your 2 strokes are kept aside. Ask for the pencil to add them.',
    );
    expect(keptAsideMessage([kind('note')], { kind: 'pencil', holderId: null }, null)).toBe(
      'The talking pencil is with the librarian — your 1 note is kept aside. Ask for the pencil to add it.',
    );
    expect(keptAsideMessage(two, { kind: 'locked' }, null)).toBe(
      'The librarian has locked this board — your 2 strokes are kept aside. You can add them once it is unlocked.',
    );
    expect(keptAsideMessage([kind('stroke')], null, null)).toBe(
      'Your 1 stroke is kept aside. You can add it now.',
    );
    expect(addedAgainMessage([kind('stroke'), kind('note')])).toBe(
      'Your 1 stroke and 1 note are back on the board.',
    );
  });
});

describe('keeping them through a reload', () => {
  it('stores records, bytes and all, and reads back only valid ones', () => {
    const d = new BoardDriver('tablet', new Y.Doc(), 'mia');
    d.drag([
      [100, 100],
      [200, 150],
      [260, 120],
    ]);
    const items = elementItems(d.board);
    const text = encodeKept({ records: items, auto: true, autoAddedAt: null });
    expect(decodeKept(text)).toEqual({ records: items, auto: true, autoAddedAt: null });
    expect(decodeKept(text).records[0]!.record).toMatchObject({ points: expect.any(Uint8Array) });

    const damaged = JSON.parse(text);
    damaged.records.push({ record: { id: 'x', type: 'stroke' }, client: 1, clock: 1 });
    expect(decodeKept(JSON.stringify(damaged)).records).toHaveLength(1);
    expect(decodeKept('not json').records).toEqual([]);
    expect(decodeKept(null).records).toEqual([]);
  });
});

describe('adding kept work again', () => {
  it('goes on as its author’s own change: that author’s undo takes it back', () => {
    const before = new BoardDriver('tablet', new Y.Doc(), 'mia');
    before.drag([
      [100, 100],
      [200, 120],
    ]);
    const keep = elementItems(before.board);
    // The board reopened from the server: a new document, without the stroke.
    const after = new BoardDriver('tablet', new Y.Doc(), 'mia');
    serverSets(after.doc, { mode: 'pencil', holderId: 'mia' });
    const added = addAgain(after.controller, keep);
    expect(after.elements()).toEqual([keep[0]!.record]);
    expect(added).toEqual([
      { record: keep[0]!.record, client: after.doc.clientID, clock: expect.any(Number) },
    ]);
    after.controller.undo();
    expect(after.elements()).toEqual([]);
  });
});
