import { addStroke, type StrokePoint } from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { DRAW_TOOLS } from '../tools';
import type { Gesture, GestureContext } from './gesture';

export interface LiveInk {
  tool: (typeof DRAW_TOOLS)[number];
  color: string;
  width: number;
  /** Board coordinates, as drawn so far. */
  points: StrokePoint[];
  /** Who draws it, for the name tag others see. */
  by?: { name: string; color: string };
}

/** Pen and highlighter: a live stroke while the pointer moves, one committed stroke at the end. */
export function drawGesture(
  { controller, actor }: GestureContext,
  start: PointerSample,
  tool: LiveInk['tool'],
): Gesture {
  const { color, width } = actor.settings;
  const ink: LiveInk = {
    tool,
    color,
    width: tool === 'highlighter' ? width * 3 : width,
    points: [],
    by: { name: actor.name, color: actor.color },
  };
  const add = (sample: PointerSample) => {
    const p = controller.toBoard(sample);
    const last = ink.points.at(-1);
    // Coalesced events can repeat a position; skip exact repeats.
    if (last && last.x === p.x && last.y === p.y) return;
    ink.points.push(sample.pressure === undefined ? p : { ...p, pressure: sample.pressure });
  };
  add(start);
  controller.setLiveInk(start.id, ink);
  return {
    move(sample) {
      add(sample);
      controller.liveChanged();
    },
    end(sample) {
      add(sample);
      controller.setLiveInk(start.id, null);
      actor.perform(addStroke, {
        authorId: actor.id,
        tool: ink.tool,
        color: ink.color,
        width: ink.width,
        points: ink.points,
      });
    },
    cancel() {
      controller.setLiveInk(start.id, null);
    },
  };
}
