import { z } from 'zod';
import { elementBaseShape, idSchema, sizeSchema } from '../common';
import { defineRecordType } from '../record-type';

export const imageSchema = z.strictObject({
  ...elementBaseShape,
  type: z.literal('image'),
  /** The uploaded file lives in the server's asset store; the board keeps only its id. */
  assetId: idSchema,
  w: sizeSchema,
  h: sizeSchema,
  alt: z.string().max(300),
});
export type ImageRecord = z.infer<typeof imageSchema>;

export const imageType = defineRecordType('image', imageSchema);
