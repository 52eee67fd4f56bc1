import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import {
  addElement,
  bringToFront,
  deleteElements,
  moveElements,
  updateElements,
} from '../src/commands/elements';
import { addStroke } from '../src/commands/strokes';
import { listElements, openBoard } from '../src/doc/board';
import { initBoard } from '../src/doc/init';
import { localOrigin } from '../src/doc/origins';
import { createConvergenceNetwork } from '../src/testing/convergence';
import { handDrawnStroke } from './fixtures';

/** One random user action on peer `i`'s board. */
function randomEdit(network: ReturnType<typeof createConvergenceNetwork>, i: number) {
  const board = openBoard(network.docs[i]!);
  const me = localOrigin(`peer-${i}`);
  const random = network.random;
  const ids = [...board.elements.keys()];
  const someId = () => prng.oneOf(random, ids);
  switch (ids.length === 0 ? 0 : prng.int32(random, 0, 5)) {
    case 0:
    case 1:
      runCommand(
        board,
        addStroke,
        {
          authorId: `peer-${i}`,
          tool: 'pen',
          color: '#1f2a44',
          width: 3,
          points: handDrawnStroke(prng.int32(random, 2, 40), prng.uint32(random, 1, 1e6)),
        },
        me,
      );
      break;
    case 2:
      runCommand(
        board,
        addElement,
        {
          type: 'note',
          authorId: `peer-${i}`,
          x: prng.int32(random, -500, 500),
          y: 0,
          rotation: 0,
          w: 180,
          h: 180,
          color: '#ffe066',
          text: prng.word(random, 0, 20),
          fontSize: 24,
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

describe('convergence of concurrent edits', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    '4 peers, random delivery, flaky links (seed %i)',
    (seed) => {
      const network = createConvergenceNetwork(4, seed);
      initBoard(openBoard(network.docs[0]!), { now: 1 });
      network.settle();
      for (let round = 0; round < 150; round++) {
        randomEdit(network, prng.int32(network.random, 0, 3));
        network.deliverSome(prng.int32(network.random, 0, 4));
        network.flakeRandomly(0.1);
      }
      network.settle();
      network.assertConverged();
      const orders = network.docs.map((doc) =>
        listElements(openBoard(doc)).map((e) => `${e.id}@${e.x}`),
      );
      for (const order of orders) expect(order).toEqual(orders[0]);
      expect(orders[0]!.length).toBeGreaterThan(5);
      network.destroy();
    },
  );

  it('detects replicas that have not converged', () => {
    const network = createConvergenceNetwork(3, 42);
    network.disconnect(2);
    randomEdit(network, 0);
    network.deliverSome(10);
    expect(() => network.assertConverged()).toThrow(/replica 2/);
    network.reconnect(2);
    network.assertConverged();
    network.destroy();
  });
});
