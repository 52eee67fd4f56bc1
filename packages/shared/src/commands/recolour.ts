import type { ElementRecord } from '../schema/elements';
import { defineCommand, writeRecords } from './command';

/** A colour mixed with white (`share` of white), as `#rrggbb`: paper a dark ink stays readable on. */
export function paleOf(color: string, share = 0.7): string {
  const channel = (i: number) => {
    const value = Number.parseInt(color.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(value + (255 - value) * share)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * An element in another colour: the ink of a stroke, the outline of a shape, the letters of
 * a text, and a pale paper of that colour for a note (its writing stays readable). Pictures
 * keep theirs (null).
 */
export function recoloured(element: ElementRecord, color: string): ElementRecord | null {
  switch (element.type) {
    case 'stroke':
    case 'text':
      return { ...element, color };
    case 'note':
      return { ...element, color: paleOf(color) };
    case 'shape':
      return { ...element, stroke: color };
    default:
      return null;
  }
}

/** Gives elements a colour (one step for undo); pictures and vanished elements are skipped. */
export const recolourElements = defineCommand(
  (board, { ids, color }: { ids: readonly string[]; color: string }) => {
    const changed: ElementRecord[] = [];
    for (const id of ids) {
      const current = board.elements.get(id);
      const next = current && recoloured(current, color);
      if (next) changed.push(next);
    }
    writeRecords(board, 'elements', changed);
    return changed.length;
  },
);
