import type { ParticipantRecord } from '../schema/records/participant';
import { defineCommand, writeRecords } from './command';

/** A tablet joins the board (or changes its name or colour): one participant per device. */
export const joinAsTablet = defineCommand(
  (
    board,
    {
      id,
      name,
      color,
      keyHash,
      now = Date.now(),
    }: { id: string; name: string; color: string; keyHash: string; now?: number },
  ) => {
    const existing = board.participants.get(id);
    const record: ParticipantRecord = {
      id,
      kind: 'tablet',
      name: name.trim(),
      color,
      joinedAt: existing?.joinedAt ?? now,
      keyHash,
    };
    writeRecords(board, 'participants', [record]);
  },
);
