import { localOrigin, runCommand, setDefaultSeats } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { BoardDriver } from './driver';

/** A 1000x800 table with the default seats for `count` students. */
function tableWithSeats(count: number) {
  const d = new BoardDriver('table');
  runCommand(d.board, setDefaultSeats, count, localOrigin('setup'));
  return d;
}

describe('seats at the table', () => {
  it('give a stroke begun in a seat’s territory that seat’s colour and authorship', () => {
    const d = tableWithSeats(4);
    const seats = d.controller.seats();
    expect(seats.map((s) => s.id)).toEqual(['seat-1', 'seat-2', 'seat-3', 'seat-4']);
    // Clockwise from the near right: seat 3 is on the far edge at the screen's top left.
    const seat3 = d.board.seats.get('seat-3')!;
    expect(seat3.edge).toBe('top');
    d.drag([
      [300, 120],
      [360, 150],
      [420, 130],
    ]);
    const [stroke] = d.elements();
    expect(stroke).toMatchObject({ type: 'stroke', authorId: 'seat-3', color: seat3.color });
  });

  it('each seat’s undo undoes only that seat’s work', () => {
    const d = tableWithSeats(4);
    d.drag([
      [300, 120],
      [400, 140],
    ]); // seat 3 (top left)
    d.drag([
      [650, 700],
      [750, 720],
    ]); // seat 1 (bottom right)
    expect(
      d
        .elements()
        .map((e) => e.authorId)
        .sort(),
    ).toEqual(['seat-1', 'seat-3']);
    d.controller.undo('seat-1');
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-3']);
    d.controller.undo('seat-1'); // nothing more of seat 1's: seat 3's stroke stays
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-3']);
    d.controller.undo('seat-3');
    expect(d.elements()).toHaveLength(0);
    d.controller.redo('seat-3');
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-3']);
  });

  it('keep their own tools: one seat writes notes while another draws', () => {
    const d = tableWithSeats(4);
    d.controller.setTool('note', 'seat-3');
    d.controller.setColor('#2f9e44', 'seat-1');
    d.tap(300, 150); // seat 3 places a note…
    d.controller.finishEditing();
    d.drag([
      [650, 700],
      [750, 720],
    ]); // …while seat 1 draws in green
    const note = d.elements().find((e) => e.type === 'note');
    const stroke = d.elements().find((e) => e.type === 'stroke');
    // A note from the far edge faces the student standing there: upside down on the screen.
    expect(note).toMatchObject({ authorId: 'seat-3', rotation: 180 });
    expect(stroke).toMatchObject({ authorId: 'seat-1', color: '#2f9e44' });
    expect(d.controller.settings.tool).toBe('pen'); // the table's own tools untouched
  });

  it('follow seats added and removed by anyone; a tablet ignores territories', () => {
    const d = tableWithSeats(2);
    runCommand(d.board, setDefaultSeats, 6, localOrigin('elsewhere'));
    d.drag([
      [20, 400],
      [40, 420],
    ]); // the left edge's seat in a 6-seat layout
    const leftSeat = d.controller.seats().find((s) => s.edge === 'left')!;
    expect(d.elements()[0]).toMatchObject({ authorId: leftSeat.id });

    const tablet = new BoardDriver('tablet', d.doc, 'tablet-1');
    tablet.drag([
      [20, 400],
      [40, 420],
    ]);
    expect(tablet.elements().filter((e) => e.authorId === 'tablet-1')).toHaveLength(1);
  });
});
