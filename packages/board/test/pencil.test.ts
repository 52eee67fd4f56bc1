import {
  localOrigin,
  type PencilState,
  runCommand,
  SERVER_ORIGIN,
  setDefaultSeats,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { BoardDriver } from './driver';

/** What the server writes; the board only ever reads it. */
function serverSetsPencil(d: BoardDriver, pencil: Partial<PencilState>) {
  d.doc.transact(() => {
    const current = d.board.control.get('pencil') as PencilState;
    d.board.control.set('pencil', { ...current, ...pencil });
  }, SERVER_ORIGIN);
}

describe('the talking pencil on a device', () => {
  it('lets only the holder’s seat draw, and says who holds it', () => {
    const d = new BoardDriver('table');
    runCommand(d.board, setDefaultSeats, 4, localOrigin('setup'));
    serverSetsPencil(d, { mode: 'pencil', holderId: 'seat-3', turnStartedAt: 1 });
    // Seat 1 (near side, right) tries to draw: nothing is written, and a notice explains.
    d.drag([
      [650, 700],
      [750, 720],
    ]);
    expect(d.elements()).toHaveLength(0);
    expect(d.controller.notice?.text).toMatch(/Otter has the talking pencil/);
    // Seat 3 (far side, left) holds it and draws.
    d.drag([
      [300, 120],
      [400, 140],
    ]);
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-3']);
    // Undo is a change too: seat 1 may not, seat 3 may.
    d.controller.undo('seat-1');
    expect(d.elements()).toHaveLength(1);
    d.controller.undo('seat-3');
    expect(d.elements()).toHaveLength(0);
  });

  it('pauses a tablet that does not hold it, but lets it look around', () => {
    const d = new BoardDriver('tablet', undefined, 'mia');
    serverSetsPencil(d, { mode: 'pencil', holderId: 'leo', turnStartedAt: 1 });
    d.drag([
      [100, 100],
      [200, 150],
    ]);
    expect(d.elements()).toHaveLength(0);
    d.controller.setTool('hand');
    d.drag([
      [100, 100],
      [200, 150],
    ]);
    expect(d.controller.camera.x).toBe(-100);
    serverSetsPencil(d, { mode: 'open', holderId: null });
    d.controller.setTool('pen');
    d.drag([
      [100, 100],
      [200, 150],
    ]);
    expect(d.elements()).toHaveLength(1);
  });
});
