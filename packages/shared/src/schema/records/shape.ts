import { z } from 'zod';
import { colorSchema, elementBaseShape } from '../common';
import { defineRecordType } from '../record-type';

export const SHAPE_KINDS = ['rect', 'ellipse', 'line', 'arrow'] as const;

/** Rectangles and ellipses span (w, h) from (x, y); lines and arrows run from (x, y) to (x+w, y+h). */
const extentSchema = z.number().finite().min(-100_000).max(100_000);

export const shapeSchema = z.strictObject({
  ...elementBaseShape,
  type: z.literal('shape'),
  kind: z.enum(SHAPE_KINDS),
  w: extentSchema,
  h: extentSchema,
  stroke: colorSchema,
  fill: colorSchema.nullable(),
  strokeWidth: z.number().finite().min(0.5).max(100),
});
export type ShapeRecord = z.infer<typeof shapeSchema>;

export const shapeType = defineRecordType('shape', shapeSchema);
