import { z } from 'zod';
import { colorSchema, elementBaseShape, sizeSchema } from '../common';
import { defineRecordType } from '../record-type';

export const NOTE_TEXT_LIMIT = 2_000;

export const noteSchema = z.strictObject({
  ...elementBaseShape,
  type: z.literal('note'),
  w: sizeSchema,
  h: sizeSchema,
  color: colorSchema,
  text: z.string().max(NOTE_TEXT_LIMIT),
  fontSize: z.number().finite().min(8).max(400),
});
export type NoteRecord = z.infer<typeof noteSchema>;

export const noteType = defineRecordType('note', noteSchema);
