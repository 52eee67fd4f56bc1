import { addElement } from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

export const NOTE_SIZE = 220;
export const NOTE_FONT_SIZE = 28;
export const TEXT_FONT_SIZE = 32;
export const TEXT_WIDTH = 420;

/**
 * Tap to place a sticky note or a text box where the finger lifts; it opens for typing.
 * A note is centred on the tap, text starts at it.
 */
export function placeGesture(
  { controller, actor }: GestureContext,
  kind: 'note' | 'text',
): Gesture {
  return {
    move() {},
    end(sample: PointerSample) {
      const p = controller.toBoard(sample);
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
    },
    cancel() {},
  };
}
