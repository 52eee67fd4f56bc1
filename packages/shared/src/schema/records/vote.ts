import { z } from 'zod';
import { idSchema } from '../common';
import { defineRecordType } from '../record-type';

/**
 * One participant's dots in a dot-vote, stored under the voter's id: a seat or a tablet
 * places at most one dot per note, and no more dots than the routine's budget (the server
 * checks both, and that a device only writes its own voters).
 */
export const voteSchema = z.strictObject({
  voterId: idSchema,
  noteIds: z
    .array(idSchema)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'one dot per note'),
});
export type VoteRecord = z.infer<typeof voteSchema>;

export const voteType = defineRecordType('vote', voteSchema);
