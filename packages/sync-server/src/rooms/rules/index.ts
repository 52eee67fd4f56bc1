import { lockRule, pencilRule, votesRule } from './content-rules';
import { modelRule } from './model-rule';
import { participantsRule } from './participants-rule';
import type { Refusal, Rule, WriteCheck } from './rule';
import { seatsRule } from './seats-rule';

export type { Refusal, RefusalKind, Rule, WriteCheck } from './rule';
export { refuse } from './rule';

/** What a client's change must pass, in order: the model first, then who the sender is, then the class's rules. */
export const WRITE_RULES: readonly Rule[] = [
  modelRule,
  seatsRule,
  participantsRule,
  lockRule,
  pencilRule,
  votesRule,
];

/** The first rule `check` breaks, or null when every rule lets it through. */
export function firstRefusal(
  check: WriteCheck,
  rules: readonly Rule[] = WRITE_RULES,
): Refusal | null {
  for (const rule of rules) {
    const refusal = rule(check);
    if (refusal) return refusal;
  }
  return null;
}
