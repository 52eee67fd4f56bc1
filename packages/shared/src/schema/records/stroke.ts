import { z } from 'zod';
import { encodeStroke, isEncodedStroke, type StrokePoint } from '../../encoding/stroke-codec';
import { colorSchema, elementBaseShape } from '../common';
import { defineRecordType } from '../record-type';

export const STROKE_TOOLS = ['pen', 'highlighter'] as const;

export const strokeSchema = z.strictObject({
  ...elementBaseShape,
  type: z.literal('stroke'),
  tool: z.enum(STROKE_TOOLS),
  color: colorSchema,
  width: z.number().finite().min(0.5).max(200),
  /** Points relative to (x, y), in the compact encoding of `encoding/stroke-codec`. */
  points: z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be bytes')
    .refine(isEncodedStroke, 'must be an encoded stroke'),
});
export type StrokeRecord = z.infer<typeof strokeSchema>;

export const strokeType = defineRecordType('stroke', strokeSchema, [
  {
    // Version 1 kept points as a flat float array [x, y, pressure, …]: 5–7x the bytes and
    // slow to load. Boards written then still open; their strokes are packed on load.
    version: 2,
    name: 'pack points',
    up(record) {
      const flat = record.points;
      if (!Array.isArray(flat)) return { ...record };
      const points: StrokePoint[] = [];
      for (let i = 0; i + 2 < flat.length; i += 3) {
        points.push({ x: Number(flat[i]), y: Number(flat[i + 1]), pressure: Number(flat[i + 2]) });
      }
      return { ...record, points: encodeStroke(points) };
    },
  },
]);
