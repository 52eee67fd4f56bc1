import {
  deviceKeyHash,
  joinAsTablet,
  localOrigin,
  openBoard,
  type PencilState,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Credentials, NO_CREDENTIALS } from '../src/auth/trust';
import type { Caller } from '../src/rooms/caller';
import { PencilKeeper } from '../src/rooms/pencil-keeper';
import { MIA_KEY } from './clients';
import { trustInMemory } from './helpers';

const GRACE = 30_000;
const table: Caller = { credentials: { ...NO_CREDENTIALS, asksForTable: true } };
const mia: Caller = {
  credentials: { ...NO_CREDENTIALS, keyHash: deviceKeyHash(MIA_KEY) } satisfies Credentials,
};

const keepers: PencilKeeper[] = [];
afterEach(() => {
  for (const keeper of keepers.splice(0)) keeper.destroy();
});

/**
 * A board with two seats and Mia's tablet, its pencil kept by a PencilKeeper on a clock the
 * test moves by hand; `here` is who is connected.
 */
function classroom() {
  const board = openBoard(new Y.Doc());
  runCommand(board, setDefaultSeats, 2, localOrigin('table'));
  runCommand(
    board,
    joinAsTablet,
    { id: 'mia', name: 'Mia', color: '#9c36b5', keyHash: deviceKeyHash(MIA_KEY), now: 1 },
    localOrigin('mia'),
  );
  const clock = { now: 0 };
  const here = new Set<Caller>([table, mia]);
  const keeper = new PencilKeeper(
    () => board,
    () => here,
    trustInMemory(),
    (state) => board.control.set('pencil', state),
    { absenceMs: GRACE },
    () => clock.now,
  );
  keepers.push(keeper);
  const pencil = () => board.control.get('pencil') as PencilState;
  return { keeper, clock, here, pencil };
}

describe('the pencil through a blip', () => {
  it('a holder away for less than the grace keeps the pencil, and the turn clock waits', () => {
    const { keeper, clock, here, pencil } = classroom();
    expect(keeper.request(table, { type: 'setMode', mode: 'pencil' })).toEqual({ ok: true });
    expect(keeper.request(table, { type: 'give', to: 'mia' })).toEqual({ ok: true });
    keeper.request(table, { type: 'setTimer', seconds: 10, autoPass: true });
    expect(pencil()).toMatchObject({ holderId: 'mia', turnStartedAt: 0 });

    clock.now = 2_000; // 8 s of her turn left when her Wi-Fi blinks
    keeper.beforeLeave(); // as the room does when a socket closes
    here.delete(mia);
    keeper.reconcile();
    expect(pencil().holderId).toBe('mia');
    clock.now = 25_000; // her turn would have ended at 10 s: the clock is held
    keeper.reconcile();
    expect(pencil().holderId).toBe('mia');

    here.add(mia);
    keeper.reconcile();
    // Back with the 8 s she had left: the turn now ends at 33 s.
    expect(pencil()).toMatchObject({ holderId: 'mia', turnStartedAt: 23_000 });
    clock.now = 32_000;
    keeper.reconcile();
    expect(pencil().holderId).toBe('mia');
    clock.now = 33_000;
    keeper.reconcile();
    expect(pencil().holderId).toBe('seat-1');
  });

  it('a holder away for longer than the grace passes the pencil on', () => {
    const { keeper, clock, here, pencil } = classroom();
    keeper.request(table, { type: 'setMode', mode: 'pencil' });
    keeper.request(table, { type: 'give', to: 'mia' });
    clock.now = 1_000;
    keeper.beforeLeave();
    here.delete(mia);
    keeper.reconcile();
    clock.now = 1_000 + GRACE - 1;
    keeper.reconcile();
    expect(pencil().holderId).toBe('mia');
    clock.now = 1_000 + GRACE;
    keeper.reconcile();
    expect(pencil().holderId).toBe('seat-1');
  });

  it('the table that blinks keeps its seats’ turn; seats leave only with a long absence', () => {
    const { keeper, clock, here, pencil } = classroom();
    keeper.request(table, { type: 'setMode', mode: 'pencil' });
    keeper.request(table, { type: 'pass', from: 'seat-1', to: 'seat-2' });
    expect(pencil().holderId).toBe('seat-2');
    clock.now = 5_000;
    keeper.beforeLeave();
    here.delete(table);
    keeper.reconcile();
    expect(keeper.participantsHere()).toEqual(['seat-1', 'seat-2', 'mia']);
    clock.now = 8_000; // the table reloaded
    here.add(table);
    keeper.reconcile();
    expect(pencil().holderId).toBe('seat-2');
    keeper.beforeLeave();
    here.delete(table);
    clock.now = 8_000 + GRACE;
    keeper.reconcile();
    expect(keeper.participantsHere()).toEqual(['mia']);
    expect(pencil().holderId).toBe('mia');
  });

  it('a board reopened after a restart gives its holder the grace to come back', () => {
    const { clock, pencil } = classroom();
    const board = openBoard(new Y.Doc());
    runCommand(board, setDefaultSeats, 2, localOrigin('table'));
    board.control.set('pencil', { ...pencil(), mode: 'pencil', holderId: 'seat-2' });
    const nobodyHere = new Set<Caller>();
    const keeper = new PencilKeeper(
      () => board,
      () => nobodyHere,
      trustInMemory(),
      (state) => board.control.set('pencil', state),
      { absenceMs: GRACE },
      () => clock.now,
    );
    keepers.push(keeper);
    keeper.reconcile();
    expect((board.control.get('pencil') as PencilState).holderId).toBe('seat-2');
  });
});
