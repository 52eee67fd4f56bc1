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
  /**
   * SHA-256 (hex) of the device's secret key: only a connection presenting that key speaks
   * for this participant (votes, the talking pencil) or may change the record. '' for a
   * record from before keys, which its device claims by joining again.
   */
  keyHash: z.string().regex(/^([0-9a-f]{64})?$/, 'must be a SHA-256 in hex'),
});
export type ParticipantRecord = z.infer<typeof participantSchema>;

export const participantType = defineRecordType('participant', participantSchema, [
  {
    // Version 1 had no device key: anyone could speak for any tablet.
    version: 2,
    name: 'device key',
    up: (record) => ({ ...record, keyHash: '' }),
  },
]);
