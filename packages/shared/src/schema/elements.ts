import { z } from 'zod';
import { imageSchema, imageType } from './records/image';
import { noteSchema, noteType } from './records/note';
import { shapeSchema, shapeType } from './records/shape';
import { strokeSchema, strokeType } from './records/stroke';
import { textSchema, textType } from './records/text';

/** Everything that can sit on the canvas, told apart by `type`. */
export const elementSchema = z.discriminatedUnion('type', [
  strokeSchema,
  shapeSchema,
  noteSchema,
  textSchema,
  imageSchema,
]);
export type ElementRecord = z.infer<typeof elementSchema>;
export type ElementType = ElementRecord['type'];

export const ELEMENT_TYPES = {
  stroke: strokeType,
  shape: shapeType,
  note: noteType,
  text: textType,
  image: imageType,
} as const;
