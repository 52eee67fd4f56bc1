import type { ElementRecord } from '../schema/elements';
import type { RoutinePhase } from '../schema/records/control';

/** What a template puts on the board: an element without the fields placing it gives it. */
export type ElementBlueprint = ElementRecord extends infer E
  ? E extends ElementRecord
    ? Omit<E, 'id' | 'z' | 'authorId' | 'createdAt'>
    : never
  : never;

/**
 * A classroom routine: the board it starts from and the phases the librarian runs. Adding one
 * is adding a file under `templates/` and listing it in `templates/index.ts`.
 */
export interface RoutineTemplate {
  readonly id: string;
  readonly title: string;
  /** One line for the librarian's picker. */
  readonly summary: string;
  readonly phases: readonly RoutinePhase[];
  /** Dots per participant for a dot-vote, or null. */
  readonly votesPerParticipant: number | null;
  /** The question, title or prompt the librarian may reword when starting it. */
  readonly prompt: { label: string; default: string } | null;
  /** The board's starting content, laid out around (0, 0), with `prompt` in place. */
  content(prompt: string): ElementBlueprint[];
}

/** Shorthands that keep template files readable. */
export const blueprint = {
  area(x: number, y: number, w: number, h: number, stroke: string, fill: string): ElementBlueprint {
    return { type: 'shape', kind: 'rect', x, y, w, h, rotation: 0, stroke, fill, strokeWidth: 6 };
  },
  text(x: number, y: number, w: number, text: string, fontSize: number, color = '#1f2a44') {
    return { type: 'text', x, y, w, text, fontSize, color, rotation: 0 } as ElementBlueprint;
  },
  note(x: number, y: number, text: string, color: string, size = 320): ElementBlueprint {
    return { type: 'note', x, y, w: size, h: size, text, color, fontSize: 36, rotation: 0 };
  },
  /** A coloured area with a big label and a hint under it ("I see…", "Think"). */
  column(x: number, y: number, w: number, h: number, column: Column): ElementBlueprint[] {
    return [
      blueprint.area(x, y, w, h, column.stroke, column.fill),
      blueprint.text(x + 40, y + 40, w - 80, column.label, 88, column.stroke),
      blueprint.text(x + 40, y + 160, w - 80, column.hint, 32, '#475569'),
    ];
  },
};

export interface Column {
  label: string;
  hint: string;
  stroke: string;
  fill: string;
}
