import { type PencilState, SERVER_ORIGIN } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/actions/action';
import { actionForKey } from '../src/actions/keys';
import { ACTIONS } from '../src/actions/register';
import { BoardDriver } from './driver';

/** A key pressed on the board, as the keyboard hook takes it (no DOM: no target element). */
const press = (d: BoardDriver, key: string, shiftKey = false) => {
  const event = { key, shiftKey, ctrlKey: false, metaKey: false, altKey: false, target: null };
  runAction(actionForKey(event as unknown as KeyboardEvent, ACTIONS)!, {
    controller: d.controller,
  });
};

describe('writing and moving with the keyboard', () => {
  it('N puts a note in the middle of the view, selected and open for typing', () => {
    const d = new BoardDriver('tablet');
    press(d, 'n');
    const note = d.elements()[0] as { id: string; x: number; y: number; w: number; h: number };
    expect(note).toMatchObject({ type: 'note', authorId: 'tester' });
    // Centred on the middle of the 1000 × 800 view.
    expect(note.x + note.w / 2).toBe(500);
    expect(note.y + note.h / 2).toBe(400);
    expect(d.controller.editingId).toBe(note.id);
    expect([...d.controller.selection]).toEqual([note.id]);
  });

  it('a second note goes beside the first, not over it; T adds text', () => {
    const d = new BoardDriver('tablet');
    press(d, 'n');
    d.controller.finishEditing();
    press(d, 'n');
    d.controller.finishEditing();
    press(d, 't');
    const [a, b, text] = d.elements() as { x: number; y: number; w: number; type: string }[];
    expect(Math.abs(a!.x - b!.x) >= a!.w || Math.abs(a!.y - b!.y) >= a!.w).toBe(true);
    expect(text!.type).toBe('text');
  });

  it('arrows move the selection by screen pixels (Shift further), as one undo step each', () => {
    const d = new BoardDriver('tablet');
    press(d, 'n');
    d.controller.finishEditing();
    const start = d.elements()[0]!;
    d.controller.setCamera({ x: 0, y: 0, zoom: 2 });
    press(d, 'arrowright');
    press(d, 'arrowdown', true);
    expect(d.elements()[0]).toMatchObject({ x: start.x + 5, y: start.y + 25 });
    d.controller.undo();
    expect(d.elements()[0]).toMatchObject({ x: start.x + 5, y: start.y });
  });

  it('follows the talking pencil: without it, nothing is added or moved, and it says why', () => {
    const d = new BoardDriver('tablet');
    press(d, 'n');
    d.controller.finishEditing();
    const before = d.elements()[0]!;
    d.board.doc.transact(() => {
      const current = d.board.control.get('pencil') as PencilState;
      d.board.control.set('pencil', { ...current, mode: 'pencil', holderId: 'someone-else' });
    }, SERVER_ORIGIN);
    press(d, 'n');
    press(d, 'arrowleft');
    expect(d.elements()).toEqual([before]);
    expect(d.controller.notice?.text).toMatch(/pencil/);
  });
});
