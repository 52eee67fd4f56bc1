import { addElement } from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

export const NOTE_SIZE = 220;
export const NOTE_FONT_SIZE = 28;
export const TEXT_FONT_SIZE = 32;
export const TEXT_WIDTH = 420;

/**
 * Puts a note (centred on `p`) or a text box (starting at `p`, board units) on the board for
 * `actor` and opens it for typing; returns its id. A tap does it, and so does the keyboard.
 */
export function placeWriting(
  { controller, actor }: Pick<GestureContext, 'controller' | 'actor'>,
  kind: 'note' | 'text',
  p: { x: number; y: number },
): string {
  const common = { authorId: actor.id, rotation: actor.facing, text: '' };
  const id =
    kind === 'note'
      ? actor.perform(addElement, {
          ...common,
          type: 'note',
          x: p.x - NOTE_SIZE / 2,
          y: p.y - NOTE_SIZE / 2,
          w: NOTE_SIZE,
          h: NOTE_SIZE,
          color: actor.settings.noteColor,
          fontSize: NOTE_FONT_SIZE,
        })
      : actor.perform(addElement, {
          ...common,
          type: 'text',
          x: p.x,
          y: p.y,
          w: TEXT_WIDTH,
          color: actor.settings.color,
          fontSize: TEXT_FONT_SIZE,
        });
  controller.startEditing(id, actor);
  return id;
}

/**
 * Tap to place a sticky note or a text box where the finger lifts; it opens for typing.
 * A note is centred on the tap, text starts at it.
 */
export function placeGesture(context: GestureContext, kind: 'note' | 'text'): Gesture {
  return {
    move() {},
    end(sample: PointerSample) {
      placeWriting(context, kind, context.controller.toBoard(sample));
    },
    cancel() {},
  };
}
