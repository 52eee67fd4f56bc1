import { z } from 'zod';
import { colorSchema, idSchema, timestampSchema } from '../common';
import { defineRecordType } from '../record-type';
import { participantNameSchema } from './seat';

/** A tablet that joined the board (seats at the table are participants too, see `seat`). */
export const participantSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('tablet'),
  name: participantNameSchema,
  color: colorSchema,
  joinedAt: timestampSchema,
});
export type ParticipantRecord = z.infer<typeof participantSchema>;

export const participantType = defineRecordType('participant', participantSchema);
