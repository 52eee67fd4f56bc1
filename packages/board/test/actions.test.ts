import { SERVER_ORIGIN } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { runAction } from '../src/actions/action';
import { actionForKey } from '../src/actions/keys';
import { ACTIONS, TOOL_ACTIONS } from '../src/actions/register';
import { ZOOM_STEP } from '../src/actions/view-actions';
import { BoardDriver } from './driver';

/** A key press as the browser reports it (no DOM here: the target is not an element). */
function press(key: string, over: Partial<KeyboardEvent> = {}): KeyboardEvent {
  const base = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
  return { key, defaultPrevented: false, target: null, ...base, ...over } as KeyboardEvent;
}

const line = (y: number): [number, number][] => [
  [100, y],
  [200, y],
];

/** Presses a key on the board, as the keyboard hook does. */
function key(d: BoardDriver, name: string, over: Partial<KeyboardEvent> = {}): string | null {
  const action = actionForKey(press(name, over), ACTIONS);
  if (action) runAction(action, { controller: d.controller });
  return action?.name ?? null;
}

describe('actions, registered once', () => {
  it('undo and redo by Ctrl/Cmd+Z, Shift+Ctrl+Z and Ctrl+Y, for this device’s own strokes', () => {
    const d = new BoardDriver();
    d.drag(line(100));
    expect(key(d, 'z', { ctrlKey: true })).toBe('undo');
    expect(d.elements()).toHaveLength(0);
    expect(key(d, 'Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(d.elements()).toHaveLength(1);
    key(d, 'z', { ctrlKey: true });
    expect(key(d, 'y', { ctrlKey: true })).toBe('redo');
    expect(d.elements()).toHaveLength(1);
    expect(key(d, 'z')).toBeNull(); // a plain z is nobody's
  });

  it('Delete removes what is selected; Escape lets go of it', () => {
    const d = new BoardDriver();
    d.drag(line(100));
    d.drag(line(300));
    const [first] = d.elements().map((e) => e.id);
    d.controller.select([first!]);
    key(d, 'Escape');
    expect(d.controller.selection.size).toBe(0);
    d.controller.select([first!]);
    expect(key(d, 'Delete')).toBe('delete');
    expect(d.elements().map((e) => e.id)).not.toContain(first);
    expect(d.elements()).toHaveLength(1);
  });

  it('leaves a key the page already handled alone', () => {
    expect(actionForKey(press('z', { ctrlKey: true, defaultPrevented: true }), ACTIONS)).toBe(
      undefined,
    );
  });

  it('a seat’s tool is its own: chosen for it, pressed on its toolbar only', () => {
    const d = new BoardDriver('table');
    const seat = { controller: d.controller, actorId: 'seat-1' };
    d.controller.board.seats.set('seat-1', {
      id: 'seat-1',
      name: 'Fox',
      color: '#e03131',
      edge: 'bottom',
      offset: 0.5,
    } as never);
    runAction(TOOL_ACTIONS.note, seat);
    expect(TOOL_ACTIONS.note.pressed?.(seat)).toBe(true);
    expect(TOOL_ACTIONS.note.pressed?.({ controller: d.controller })).toBe(false);
    expect(TOOL_ACTIONS.note.label).toBe('Sticky note');
  });

  it('undo on a locked board changes nothing and says why', () => {
    const d = new BoardDriver();
    d.drag(line(100));
    d.doc.transact(() => d.board.control.set('lock', { locked: true }), SERVER_ORIGIN);
    key(d, 'z', { ctrlKey: true });
    expect(d.elements()).toHaveLength(1);
    expect(d.controller.notice?.text).toMatch(/locked/);
  });

  it('the view by keys: + and − zoom a step, 0 goes back to 100 %, Shift+1 fits; Ctrl with them stays the browser’s', () => {
    const d = new BoardDriver();
    expect(key(d, '+', { shiftKey: true })).toBe('zoomIn');
    expect(d.controller.camera.zoom).toBeCloseTo(ZOOM_STEP);
    expect(key(d, '-')).toBe('zoomOut');
    expect(key(d, '-')).toBe('zoomOut');
    expect(d.controller.camera.zoom).toBeCloseTo(1 / ZOOM_STEP);
    expect(key(d, '0')).toBe('resetZoom');
    expect(d.controller.camera.zoom).toBe(1);
    expect(key(d, '=', { ctrlKey: true })).toBeNull();
    expect(key(d, '0', { metaKey: true })).toBeNull();
    d.drag(line(100));
    const before = d.controller.camera;
    expect(key(d, '!', { shiftKey: true })).toBe('fit');
    expect(d.controller.camera).not.toEqual(before);
  });
});
