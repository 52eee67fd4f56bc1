import type {
  Board,
  ParticipantRecord,
  RefusalCode,
  Refusal as RefusalWhy,
  RootMapName,
} from '@roundtable/shared';
import type * as Y from 'yjs';

/**
 * Why a device's change was refused. `model`: the records are not valid or not the
 * device's to write (close 1008). The others break a class rule (close 4403): the device
 * must start afresh from the board, since Yjs cannot take its change back.
 */
export type RefusalKind = 'model' | 'identity' | 'lock' | 'pencil' | 'vote';

export interface Refusal {
  readonly kind: RefusalKind;
  /** Sent to the device, which words it. */
  readonly reason: RefusalWhy;
  /** For the server's log only (what exactly was not valid). */
  readonly detail?: string;
}

/** One client transaction being checked, as the rules see it (after it was applied). */
export interface WriteCheck {
  readonly doc: Y.Doc;
  readonly board: Board;
  readonly transaction: Y.Transaction;
  /** The keys of a root map this transaction changed. */
  touched(map: RootMapName): readonly string[];
  /** Tablets' records as they were before this change (only those it touched). */
  readonly participantsBefore: ReadonlyMap<string, ParticipantRecord | undefined>;
  /** SHA-256 of the sender's device key. */
  readonly keyHash: string | null;
  /** Whether the sender is the table (an enrolled one, or any before a PIN is set). */
  readonly speaksForSeats: boolean;
  /** The seats and tablets the sender speaks for now (for dots). */
  speaksFor(): readonly string[];
  readonly locked: boolean;
  /** False in pencil mode for a sender that does not hold the pencil. */
  readonly mayWriteContent: boolean;
  /** Dots each voter may place now: the budget in a routine's voting phase, else null. */
  readonly votesPerParticipant: number | null;
}

/** A rule: null to let the change through, else why not. Rules run in order; the first refusal wins. */
export type Rule = (check: WriteCheck) => Refusal | null;

export const refuse = (
  kind: RefusalKind,
  reason: RefusalWhy | RefusalCode,
  detail?: string,
): Refusal => ({
  kind,
  reason: typeof reason === 'string' ? ({ code: reason } as RefusalWhy) : reason,
  ...(detail === undefined ? {} : { detail }),
});
