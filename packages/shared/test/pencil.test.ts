import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { openBoard } from '../src/doc/board';
import { initBoard } from '../src/doc/init';
import { SERVER_ORIGIN } from '../src/doc/origins';
import {
  applyPencilRequest,
  type PencilRequest,
  type Requester,
  reconcilePencil,
  turnEndsAt,
} from '../src/pencil/pencil-machine';
import { DEFAULT_PENCIL, type PencilState } from '../src/schema/records/control';
import { createConvergenceNetwork } from '../src/testing/convergence';

const table: Requester = { ids: ['seat-1', 'seat-2', 'seat-3'], facilitator: true };
const tablet = (id: string): Requester => ({ ids: [id], facilitator: false });
const here = ['seat-1', 'seat-2', 'seat-3', 'mia', 'leo'];
const at = (now: number) => ({ participants: here, now });

function run(state: PencilState, request: PencilRequest, requester: Requester, now = 1000) {
  const outcome = applyPencilRequest(state, request, requester, at(now));
  if (!outcome.ok) throw new Error(outcome.error.code);
  return outcome.state;
}

const refusal = (state: PencilState, request: PencilRequest, requester: Requester) => {
  const outcome = applyPencilRequest(state, request, requester, at(1000));
  return outcome.ok ? null : outcome.error.code;
};

const pencilOn = () => run(DEFAULT_PENCIL, { type: 'setMode', mode: 'pencil' }, table);

describe('the talking pencil', () => {
  it('starts with the first in turn when switched on, and only the librarian switches it', () => {
    const state = pencilOn();
    expect(state).toMatchObject({
      mode: 'pencil',
      holderId: 'seat-1',
      queue: [],
      turnStartedAt: 1000,
    });
    expect(refusal(DEFAULT_PENCIL, { type: 'setMode', mode: 'pencil' }, tablet('mia'))).toBe(
      'librarianSwitchesPencil',
    );
    expect(run(state, { type: 'setMode', mode: 'open' }, table)).toMatchObject({
      mode: 'open',
      holderId: null,
    });
  });

  it('passes to the next in turn, round the table and on to the tablets', () => {
    let state = pencilOn();
    const holders = [state.holderId];
    for (let i = 0; i < 5; i++) {
      state = run(
        state,
        { type: 'pass', from: state.holderId! },
        i < 3 ? table : tablet(state.holderId!),
      );
      holders.push(state.holderId);
    }
    expect(holders).toEqual(['seat-1', 'seat-2', 'seat-3', 'mia', 'leo', 'seat-1']);
  });

  it('lets only the holder pass (or the librarian), and to someone who is here', () => {
    const state = pencilOn();
    expect(refusal(state, { type: 'pass', from: 'mia' }, tablet('mia'))).toBe('holderPassesPencil');
    // A tablet cannot pass on the table's behalf by naming a seat.
    expect(refusal(state, { type: 'pass', from: 'seat-1' }, tablet('mia'))).toBe(
      'holderPassesPencil',
    );
    expect(refusal(state, { type: 'pass', from: 'seat-1', to: 'ghost' }, table)).toBe(
      'pencilToSomeoneHere',
    );
    expect(run(state, { type: 'pass', from: 'seat-1', to: 'leo' }, table).holderId).toBe('leo');
  });

  it('queues raised hands in order; the first hand gets the pencil next', () => {
    let state = pencilOn();
    state = run(state, { type: 'raiseHand', who: 'leo' }, tablet('leo'));
    state = run(state, { type: 'raiseHand', who: 'mia' }, tablet('mia'));
    state = run(state, { type: 'raiseHand', who: 'leo' }, tablet('leo')); // twice: once in line
    expect(state.queue).toEqual(['leo', 'mia']);
    expect(refusal(state, { type: 'raiseHand', who: 'mia' }, tablet('leo'))).toBe('ownHandOnly');
    state = run(state, { type: 'pass', from: 'seat-1' }, table);
    expect(state).toMatchObject({ holderId: 'leo', queue: ['mia'] });
    state = run(state, { type: 'lowerHand', who: 'mia' }, tablet('mia'));
    expect(state.queue).toEqual([]);
  });

  it('times turns, and passes on when the time is up only if auto-pass is on', () => {
    let state = run(pencilOn(), { type: 'setTimer', seconds: 90, autoPass: false }, table, 5_000);
    expect(turnEndsAt(state)).toBe(95_000);
    expect(reconcilePencil(state, at(96_000))).toBe(state); // a gentle cue, no pass
    state = run(state, { type: 'setTimer', seconds: 90, autoPass: true }, table, 5_000);
    const after = reconcilePencil(state, at(96_000));
    expect(after).toMatchObject({ holderId: 'seat-2', turnStartedAt: 96_000 });
    expect(refusal(state, { type: 'setTimer', seconds: 5, autoPass: false }, table)).toBe(
      'turnLength',
    );
    expect(refusal(state, { type: 'setTimer', seconds: 60, autoPass: false }, tablet('mia'))).toBe(
      'librarianSetsTimer',
    );
  });

  it('passes on when the holder leaves or their seat is removed, and drops hands of leavers', () => {
    let state = run(pencilOn(), { type: 'raiseHand', who: 'mia' }, tablet('mia'));
    state = run(state, { type: 'raiseHand', who: 'leo' }, tablet('leo'));
    // seat-1 (the holder) is removed and mia's tablet disconnects.
    const left = reconcilePencil(state, { participants: ['seat-2', 'seat-3', 'leo'], now: 2000 });
    expect(left).toMatchObject({ holderId: 'leo', queue: [] });
    // The last participant leaves: nobody holds the pencil, and it waits.
    expect(reconcilePencil(left, { participants: [], now: 3000 })).toMatchObject({
      holderId: null,
    });
    // Nothing to change: the same object back.
    expect(reconcilePencil(left, { participants: ['seat-2', 'leo'], now: 3000 })).toBe(left);
  });

  it('gives and takes at the librarian’s word only', () => {
    const state = pencilOn();
    expect(run(state, { type: 'give', to: 'mia' }, table).holderId).toBe('mia');
    expect(refusal(state, { type: 'give', to: 'mia' }, tablet('mia'))).toBe('librarianGivesPencil');
    expect(run(state, { type: 'take' }, table).holderId).toBeNull();
  });
});

describe('concurrent pass requests', () => {
  it('leave exactly one holder, the same on every replica', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const net = createConvergenceNetwork(4, seed);
      const server = openBoard(net.docs[0]!);
      initBoard(server, { now: 1 });
      net.settle();
      const write = (state: PencilState) =>
        server.doc.transact(() => server.control.set('pencil', state), SERVER_ORIGIN);
      let state = pencilOn();
      write(state);
      // Everyone asks at once: the holder passes to two different people, others grab it.
      const requests: [PencilRequest, Requester][] = [
        [{ type: 'pass', from: 'seat-1', to: 'mia' }, table],
        [{ type: 'pass', from: 'seat-1', to: 'leo' }, table],
        [{ type: 'pass', from: 'mia' }, tablet('mia')],
        [{ type: 'pass', from: 'leo', to: 'seat-3' }, tablet('leo')],
      ];
      for (let i = requests.length - 1; i > 0; i--) {
        const j = prng.uint32(net.random, 0, i);
        [requests[i], requests[j]] = [requests[j]!, requests[i]!];
      }
      for (const [request, requester] of requests) {
        const outcome = applyPencilRequest(state, request, requester, at(2000));
        if (outcome.ok) {
          state = outcome.state;
          write(state);
        }
        net.flakeRandomly(0.3);
        net.deliverSome(3);
      }
      net.settle();
      net.assertConverged();
      const seen = net.docs.map(
        (doc) => (openBoard(doc).control.get('pencil') as PencilState).holderId,
      );
      expect(new Set(seen).size).toBe(1);
      expect(here).toContain(seen[0]);
      net.destroy();
    }
  });
});
