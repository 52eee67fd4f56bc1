import { encodeStroke, type StrokePoint } from '../encoding/stroke-codec';
import type { StrokeRecord } from '../schema/records/stroke';
import { defineCommand } from './command';
import { addElement } from './elements';

export interface NewStroke {
  id?: string;
  authorId: string;
  tool: StrokeRecord['tool'];
  color: string;
  width: number;
  /** Points in board coordinates, as drawn. */
  points: readonly StrokePoint[];
}

/**
 * Commits a finished stroke: the stroke is placed at its first point and its points are
 * stored relative to it in the compact encoding, so coordinates far from the origin cost
 * no more than near ones.
 */
export const addStroke = defineCommand((board, stroke: NewStroke): string => {
  const origin = stroke.points[0] ?? { x: 0, y: 0 };
  const relative = stroke.points.map((p) => ({ ...p, x: p.x - origin.x, y: p.y - origin.y }));
  return addElement.perform(board, {
    type: 'stroke',
    id: stroke.id,
    authorId: stroke.authorId,
    tool: stroke.tool,
    color: stroke.color,
    width: stroke.width,
    x: origin.x,
    y: origin.y,
    rotation: 0,
    points: encodeStroke(relative),
  } as Parameters<typeof addElement.perform>[1]);
});
