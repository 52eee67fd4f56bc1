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
export function placeGesture({ controller }: GestureContext, kind: 'note' | 'text'): Gesture {
  return {
    move() {},
    end(sample: PointerSample) {
      const p = controller.toBoard(sample);
      const common = { authorId: controller.actorId, rotation: controller.facing(), text: '' };
      const id =
        kind === 'note'
          ? controller.perform(addElement, {
              ...common,
              type: 'note',
              x: p.x - NOTE_SIZE / 2,
              y: p.y - NOTE_SIZE / 2,
              w: NOTE_SIZE,
              h: NOTE_SIZE,
              color: controller.settings.noteColor,
              fontSize: NOTE_FONT_SIZE,
            })
          : controller.perform(addElement, {
              ...common,
              type: 'text',
              x: p.x,
              y: p.y,
              w: TEXT_WIDTH,
              color: controller.settings.color,
              fontSize: TEXT_FONT_SIZE,
            });
      controller.startEditing(id);
    },
    cancel() {},
  };
}
