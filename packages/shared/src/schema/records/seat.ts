import { z } from 'zod';
import { colorSchema, idSchema } from '../common';
import { defineRecordType } from '../record-type';

export const TABLE_EDGES = ['bottom', 'right', 'top', 'left'] as const;
export type TableEdge = (typeof TABLE_EDGES)[number];

export const participantNameSchema = z.string().trim().min(1).max(40);

/** A place at the table: its toolbar sits on `edge`, `offset` of the way along it (0..1). */
export const seatSchema = z.strictObject({
  id: idSchema,
  name: participantNameSchema,
  color: colorSchema,
  edge: z.enum(TABLE_EDGES),
  offset: z.number().finite().min(0).max(1),
});
export type SeatRecord = z.infer<typeof seatSchema>;

export const seatType = defineRecordType('seat', seatSchema);
