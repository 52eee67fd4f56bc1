import { localOrigin, runCommand, SERVER_ORIGIN, setDefaultSeats } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { type LibrarianState, lockCheckDelay } from '../src/sync/librarian-session';
import { speaksForSeats, tableTrustNotice } from '../src/sync/table-trust';
import { BoardDriver } from './driver';

const state = (over: Partial<LibrarianState>): LibrarianState => ({
  pinSet: true,
  signedIn: false,
  locksAt: null,
  table: null,
  known: true,
  ...over,
});
const table = { id: 't1', name: 'Library table', createdAt: 1 };

describe('who speaks for the seats', () => {
  it('an enrolled table, or any table screen before a PIN is set; never a tablet', () => {
    expect(speaksForSeats('table', state({ table }))).toBe(true);
    expect(speaksForSeats('table', state({ pinSet: false }))).toBe(true);
    expect(speaksForSeats('table', state({}))).toBe(false);
    expect(speaksForSeats('tablet', state({ table }))).toBe(false);
    // Not known yet, or offline: the server decides, the table is not stopped beforehand.
    expect(speaksForSeats('table', null)).toBe(true);
    expect(speaksForSeats('table', state({ known: false }))).toBe(true);
  });

  it('the table says it is unprotected, or not enrolled, until it is an enrolled table with a PIN', () => {
    expect(tableTrustNotice('table', state({ pinSet: false }))).toBe('unprotected');
    expect(tableTrustNotice('table', state({}))).toBe('not-enrolled');
    expect(tableTrustNotice('table', state({ table }))).toBeNull();
    expect(tableTrustNotice('tablet', state({}))).toBeNull();
    expect(tableTrustNotice('table', state({ known: false }))).toBeNull();
  });

  it('a seat on a screen that does not speak for the seats draws nothing, and is told why', () => {
    const d = new BoardDriver('table');
    runCommand(d.board, setDefaultSeats, 2, localOrigin('setup'));
    d.controller.setSpeaksForSeats(false);
    d.drag([
      [450, 700],
      [550, 720],
    ]);
    expect(d.elements()).toHaveLength(0);
    expect(d.controller.notice?.text).toMatch(/not an enrolled table/);
    // Enrolled: the same touch draws as the seat, in open mode and in its pencil turn.
    d.controller.setSpeaksForSeats(true);
    d.drag([
      [450, 700],
      [550, 720],
    ]);
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-1']);
    d.doc.transact(() => {
      d.board.control.set('pencil', {
        ...(d.board.control.get('pencil') as object),
        mode: 'pencil',
        holderId: 'seat-1',
        turnStartedAt: 1,
      });
    }, SERVER_ORIGIN);
    d.controller.setSpeaksForSeats(false);
    expect(d.controller.mayEdit(d.controller.actor('seat-1'))).toBe(false);
    d.controller.setSpeaksForSeats(true);
    expect(d.controller.mayEdit(d.controller.actor('seat-1'))).toBe(true);
  });
});

describe('a shared screen’s session locking', () => {
  it('is asked about just after it is due, and never in a tight loop', () => {
    expect(lockCheckDelay(10_000, 4_000)).toBe(6_500);
    expect(lockCheckDelay(10_000, 10_000)).toBe(1_000);
    expect(lockCheckDelay(10_000, 60_000)).toBe(1_000);
  });
});
