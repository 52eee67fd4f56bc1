import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { listElements, openBoard } from '../src/doc/board';
import { initBoard } from '../src/doc/init';
import { createConvergenceNetwork, randomBoardEdit } from '../src/testing/convergence';
import { testSeeds } from '../src/testing/seed';

type Network = ReturnType<typeof createConvergenceNetwork>;

/** One random user action on peer `i`'s board. */
const randomEdit = (network: Network, i: number) =>
  randomBoardEdit(openBoard(network.docs[i]!), network.random, `peer-${i}`);

describe('convergence of concurrent edits', () => {
  // New seeds every run (printed); CONVERGENCE_SEED=<seed> repeats one.
  it.each(testSeeds('CONVERGENCE_SEED', 10))(
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
