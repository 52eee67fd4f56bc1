import { t } from '../i18n';
import type { Action, ActionTarget, KeyPress } from './action';

/** One press of an arrow moves the selection this far on screen; with Shift, further. */
export const ARROW_STEP_PX = 10;
export const SHIFT_ARROW_STEP_PX = 50;

/** A bare key: no Ctrl, Cmd or Alt (those belong to the browser and to undo and redo). */
const bare =
  (key: string, shift = false) =>
  (press: KeyPress) =>
    press.key === key && press.shift === shift && !press.mod && !press.alt;

/** Writing without a pointer: a note or text box placed where a tap would put it. */
const place = (kind: 'note' | 'text', key: string): Action => ({
  name: kind === 'note' ? 'addNote' : 'addText',
  get label() {
    return t(kind === 'note' ? 'action.addNote' : 'action.addText');
  },
  icon: kind,
  keyTest: bare(key),
  perform: ({ controller }) => controller.placeByKeyboard(kind),
});

const hasSelection = ({ controller }: ActionTarget) => controller.selection.size > 0;

/** Moves the selection by a step of screen pixels, whatever the zoom. */
const move = (
  direction: 'Left' | 'Right' | 'Up' | 'Down',
  dx: number,
  dy: number,
  shift: boolean,
): Action => {
  const px = shift ? SHIFT_ARROW_STEP_PX : ARROW_STEP_PX;
  return {
    name: `move${direction}${shift ? 'Far' : ''}`,
    get label() {
      return t(`action.move${direction}`);
    },
    keyTest: bare(`arrow${direction.toLowerCase()}`, shift),
    predicate: hasSelection,
    perform: ({ controller }) => {
      const step = px / controller.camera.zoom;
      controller.moveSelection(dx * step, dy * step);
    },
  };
};

/** The board's keys for writing and moving without a pointer. */
export const KEYBOARD_ACTIONS: readonly Action[] = [
  place('note', 'n'),
  place('text', 't'),
  ...[false, true].flatMap((shift) => [
    move('Left', -1, 0, shift),
    move('Right', 1, 0, shift),
    move('Up', 0, -1, shift),
    move('Down', 0, 1, shift),
  ]),
];
