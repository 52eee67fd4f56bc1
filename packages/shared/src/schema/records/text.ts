import { z } from 'zod';
import { colorSchema, elementBaseShape, sizeSchema } from '../common';
import { defineRecordType } from '../record-type';

export const TEXT_LIMIT = 10_000;

export const textSchema = z.strictObject({
  ...elementBaseShape,
  type: z.literal('text'),
  text: z.string().max(TEXT_LIMIT),
  color: colorSchema,
  fontSize: z.number().finite().min(8).max(400),
  /** Wrap width; text grows downwards. */
  w: sizeSchema,
});
export type TextRecord = z.infer<typeof textSchema>;

export const textType = defineRecordType('text', textSchema);
