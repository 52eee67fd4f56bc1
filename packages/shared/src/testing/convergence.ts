import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { runCommand } from '../commands/command';
import {
  addElement,
  bringToFront,
  deleteElements,
  moveElements,
  updateElements,
} from '../commands/elements';
import { addStroke } from '../commands/strokes';
import { type Board, boardSnapshot, openBoard } from '../doc/board';
import { localOrigin } from '../doc/origins';
import { sameState } from '../wire/board-state';

/** Origin of updates delivered by the simulated network (never re-broadcast). */
const NETWORK = { kind: 'network' } as const;

interface Message {
  from: number;
  update: Uint8Array;
}

export interface ConvergenceNetwork {
  readonly docs: readonly Y.Doc[];
  readonly random: prng.PRNG;
  /** Delivers one queued message, chosen at random, possibly out of order. False if none. */
  deliverOne(): boolean;
  /** Delivers up to `count` random queued messages. */
  deliverSome(count: number): void;
  /** Drops peer `i` off the network: its inbox and anything sent to it meanwhile are lost. */
  disconnect(i: number): void;
  /** Brings peer `i` back and syncs it both ways with every connected peer (y-protocols step 1/2). */
  reconnect(i: number): void;
  /** Randomly disconnects or reconnects peers, as flaky Wi-Fi does. */
  flakeRandomly(probability: number): void;
  /** Reconnects everyone and delivers everything. */
  settle(): void;
  /** Throws unless every replica holds the same state and content. */
  assertConverged(): void;
  destroy(): void;
}

/**
 * N in-memory replicas joined by a lossy, reordering network with a seeded PRNG, after Yjs's
 * own test helper: run concurrent edits, deliver at random, settle, then assert convergence.
 * A failing seed reproduces exactly.
 */
export function createConvergenceNetwork(peers: number, seed: number): ConvergenceNetwork {
  const random = prng.create(seed);
  const docs = Array.from({ length: peers }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1; // stable ids keep a seed's run reproducible
    return doc;
  });
  const online = docs.map(() => true);
  const inboxes: Message[][] = docs.map(() => []);

  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK || !online[from]) return;
      docs.forEach((_, to) => {
        if (to !== from && online[to]) inboxes[to]!.push({ from, update });
      });
    });
  });

  const syncPair = (a: number, b: number) => {
    const [docA, docB] = [docs[a]!, docs[b]!];
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)), NETWORK);
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)), NETWORK);
  };

  const network: ConvergenceNetwork = {
    docs,
    random,
    deliverOne() {
      const ready = inboxes.map((inbox, i) => (inbox.length ? i : -1)).filter((i) => i >= 0);
      if (ready.length === 0) return false;
      const to = prng.oneOf(random, ready);
      const inbox = inboxes[to]!;
      const [message] = inbox.splice(prng.int32(random, 0, inbox.length - 1), 1);
      if (message && online[to]) Y.applyUpdate(docs[to]!, message.update, NETWORK);
      return true;
    },
    deliverSome(count) {
      for (let i = 0; i < count && network.deliverOne(); i++);
    },
    disconnect(i) {
      online[i] = false;
      inboxes[i] = [];
      for (const inbox of inboxes) {
        for (let m = inbox.length - 1; m >= 0; m--) if (inbox[m]!.from === i) inbox.splice(m, 1);
      }
    },
    reconnect(i) {
      if (online[i]) return;
      online[i] = true;
      docs.forEach((_, other) => {
        if (other !== i && online[other]) syncPair(i, other);
      });
    },
    flakeRandomly(probability) {
      docs.forEach((_, i) => {
        if (!prng.bool(random) || prng.real53(random) > probability) return;
        if (online[i]) network.disconnect(i);
        else network.reconnect(i);
      });
    },
    settle() {
      for (let i = 0; i < docs.length; i++) network.reconnect(i);
      while (network.deliverOne());
      for (let a = 0; a < docs.length; a++)
        for (let b = a + 1; b < docs.length; b++) syncPair(a, b);
    },
    assertConverged() {
      const difference = boardsDiffer(docs);
      if (difference) throw new Error(`${difference} (seed ${seed})`);
    },
    destroy() {
      for (const doc of docs) doc.destroy();
    },
  };
  return network;
}

/**
 * Why these replicas have not converged (a state vector or the content differs from
 * replica 0's), or null when they have.
 */
export function boardsDiffer(docs: readonly Y.Doc[]): string | null {
  const [first, ...rest] = docs;
  if (!first) return null;
  const expectedVector = Y.encodeStateVector(first);
  const expected = JSON.stringify(boardSnapshot(openBoard(first)), jsonBytes);
  for (const [i, doc] of rest.entries()) {
    if (!sameState(Y.encodeStateVector(doc), expectedVector)) {
      return `replica ${i + 1} has a different state vector than replica 0`;
    }
    if (JSON.stringify(boardSnapshot(openBoard(doc)), jsonBytes) !== expected) {
      return `replica ${i + 1} content differs from replica 0`;
    }
  }
  return null;
}

/** A short wobbly pen line somewhere on the board, drawn by `random`. */
function randomPoints(random: prng.PRNG): { x: number; y: number }[] {
  let x = prng.int32(random, -800, 800);
  let y = prng.int32(random, -600, 600);
  return Array.from({ length: prng.int32(random, 2, 40) }, () => {
    x += prng.int32(random, -9, 9);
    y += prng.int32(random, -9, 9);
    return { x, y };
  });
}

/**
 * One random user action on `board` by `authorId` (draw, add a note, move, delete, reorder
 * and rotate), chosen by `random`, through the same commands the board's tools run.
 */
export function randomBoardEdit(board: Board, random: prng.PRNG, authorId: string): void {
  const me = localOrigin(authorId);
  const ids = [...board.elements.keys()];
  const someId = () => prng.oneOf(random, ids);
  switch (ids.length === 0 ? 0 : prng.int32(random, 0, 5)) {
    case 0:
    case 1:
      runCommand(
        board,
        addStroke,
        { authorId, tool: 'pen', color: '#1f2a44', width: 3, points: randomPoints(random) },
        me,
      );
      break;
    case 2:
      runCommand(
        board,
        addElement,
        {
          ...{ type: 'note', authorId, x: prng.int32(random, -500, 500), y: 0, rotation: 0 },
          ...{ w: 180, h: 180, color: '#ffe066', text: prng.word(random, 0, 20), fontSize: 24 },
        },
        me,
      );
      break;
    case 3:
      runCommand(
        board,
        moveElements,
        { ids: [someId()], dx: prng.int32(random, -50, 50), dy: 7 },
        me,
      );
      break;
    case 4:
      runCommand(board, deleteElements, [someId()], me);
      break;
    default: {
      const id = someId();
      runCommand(board, bringToFront, [id], me);
      runCommand(
        board,
        updateElements,
        [{ id, changes: { rotation: prng.int32(random, -90, 90) } }],
        me,
      );
    }
  }
}

/** JSON.stringify replacer that keeps Uint8Array contents comparable. */
function jsonBytes(_key: string, value: unknown) {
  return value instanceof Uint8Array ? Array.from(value) : value;
}
