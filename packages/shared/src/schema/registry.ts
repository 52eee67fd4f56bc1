import { ELEMENT_TYPES } from './elements';
import type { RecordType } from './record-type';
import { lockType, pencilType, routineType } from './records/control';
import { metaType, type SchemaVersions } from './records/meta';
import { participantType } from './records/participant';
import { seatType } from './records/seat';
import { voteType } from './records/vote';

/** Every record type of a board, by name. */
export const RECORD_TYPES: Readonly<Record<string, RecordType<unknown>>> = {
  ...ELEMENT_TYPES,
  seat: seatType,
  participant: participantType,
  pencil: pencilType,
  lock: lockType,
  routine: routineType,
  vote: voteType,
  meta: metaType,
};

/** The versions this code writes: stored in `meta.schema` of every board. */
export function currentSchemaVersions(): SchemaVersions {
  return Object.fromEntries(Object.values(RECORD_TYPES).map((type) => [type.name, type.version]));
}
