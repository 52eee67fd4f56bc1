import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text, exactly as received. */
  state: string;
}

export type AwarenessVerdict =
  | { ok: true; clientId: number | null; update: Uint8Array | null }
  | { ok: false; reason: string };

function readEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state); // y-protocols would throw later, mid-apply
    entries.push({ clientId, clock, state });
  }
  return entries;
}

function writeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Holds a connection to one awareness client id and a state size cap. Stock y-websocket
 * clients echo everyone's awareness back to the server; an echo that is not newer than what
 * the server already has changes nothing and is dropped. A client id the server already
 * knows is taken over only where `mayTakeOver` allows (the same device reconnecting: its
 * old state is replaced); any other is refused, so nobody can move another device's cursor
 * or rename it. Throws on malformed input.
 */
export function checkAwarenessUpdate(
  update: Uint8Array,
  awareness: Awareness,
  ownClientId: number | null,
  maxStateBytes: number,
  mayTakeOver: (clientId: number) => boolean = () => false,
): AwarenessVerdict {
  let own = ownClientId;
  const accepted: AwarenessEntry[] = [];
  for (const entry of readEntries(update)) {
    if (entry.state.length > maxStateBytes)
      return { ok: false, reason: 'awareness state too large' };
    const known = awareness.meta.get(entry.clientId);
    if (own === null && (!known || mayTakeOver(entry.clientId))) own = entry.clientId;
    if (entry.clientId !== own && known && entry.clock <= known.clock) continue; // an echo
    if (entry.clientId !== own) return { ok: false, reason: 'one awareness client per connection' };
    accepted.push(entry);
  }
  return { ok: true, clientId: own, update: accepted.length ? writeEntries(accepted) : null };
}
