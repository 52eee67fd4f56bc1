import { checkEntry, type InvalidChange, ROOT_MAPS, type RootMapName } from '@roundtable/shared';
import * as Y from 'yjs';
import { type Refusal, type Rule, refuse } from './rule';

/**
 * What a client may change, by root map. `control` (talking pencil, lock, routine) and the
 * rest of `meta` belong to the server: clients ask, the server writes.
 */
const CLIENT_WRITABLE: Record<RootMapName, (key: string) => boolean> = {
  elements: () => true,
  seats: () => true,
  participants: () => true,
  meta: (key) => key === 'title',
  control: () => false,
  // Whose dots a device may write, and how many, is the room's rule (it knows the routine).
  votes: () => true,
};

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its shared types with any
function rootNameOf(doc: Y.Doc, type: Y.AbstractType<any>): string | undefined {
  for (const [name, shared] of doc.share) if (shared === type) return name;
  return undefined;
}

/**
 * Why a client's transaction must be refused, or null if every record it touched is valid
 * and the client may write it. Only touched keys are checked, so the cost follows the size
 * of the update, not of the board.
 */
function findRefusal(
  doc: Y.Doc,
  transaction: Y.Transaction,
): { what: InvalidChange; detail: string } | null {
  const no = (what: InvalidChange, detail: string) => ({ what, detail });
  for (const [type, keys] of transaction.changed) {
    if (type._item !== null)
      return no('nestedType', 'nested shared types are not part of the board model');
    const name = rootNameOf(doc, type);
    if (!name || !(ROOT_MAPS as readonly string[]).includes(name)) {
      return no('unknownRoot', `unknown root "${name ?? '?'}"`);
    }
    if (!(type instanceof Y.Map)) return no('notAMap', `${name} must be a map`);
    const mayWrite = CLIENT_WRITABLE[name as RootMapName];
    for (const key of keys) {
      if (key === null) return no('notAMap', `${name} must be a map`);
      if (!mayWrite(key)) return no('serverOnly', `${name}.${key} is written by the server only`);
      const value = type.get(key);
      if (value === undefined) continue; // a deletion
      const check = checkEntry(name, key, value);
      if (!check.ok) return no('invalidRecord', check.error.message);
    }
  }
  return null;
}

/** Every record a change touches is valid by the shared model, and the client's to write. */
export const modelRule: Rule = ({ doc, transaction }): Refusal | null => {
  const found = findRefusal(doc, transaction);
  return found === null
    ? null
    : refuse('model', { code: 'invalidChange', what: found.what }, found.detail);
};
