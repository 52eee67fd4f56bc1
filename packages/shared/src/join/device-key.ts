import { digest } from 'lib0/hash/sha256';
import type { Board } from '../doc/board';

/** A device's secret key: sent to the server when it connects, never written to a board. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * What a board keeps of a device's key: its SHA-256 in hex. Pure JS (lib0), because tablets
 * on the LAN use plain http, where the browser's crypto.subtle is missing.
 */
export function deviceKeyHash(key: string): string {
  let hex = '';
  for (const byte of digest(new TextEncoder().encode(key))) {
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** The tablets a device with this key hash speaks for (in practice, its one participant). */
export function participantsOwnedBy(board: Board, keyHash: string | null): string[] {
  if (!keyHash) return [];
  const ids: string[] = [];
  for (const [id, participant] of board.participants) {
    if (participant.keyHash === keyHash) ids.push(id);
  }
  return ids;
}
