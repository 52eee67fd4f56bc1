import { z } from 'zod';
import { timestampSchema } from '../common';
import { defineRecordType } from '../record-type';

/** Record type name → the version its records were written in. */
export const schemaVersionsSchema = z.record(
  z.string().regex(/^[a-z]{1,32}$/),
  z.number().int().min(1).max(10_000),
);
export type SchemaVersions = z.infer<typeof schemaVersionsSchema>;

export const boardTitleSchema = z.string().trim().max(120);

export const metaSchema = z.strictObject({
  schema: schemaVersionsSchema,
  title: boardTitleSchema,
  createdAt: timestampSchema,
});
export type BoardMeta = z.infer<typeof metaSchema>;
export const metaType = defineRecordType('meta', metaSchema);
