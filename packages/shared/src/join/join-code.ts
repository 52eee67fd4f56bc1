/** Letters and digits nobody mixes up when copying from a screen: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The short code a student types on a tablet to reach a board: derived from the board id,
 * so it never needs storing and is the same on every device and after every restart.
 */
export function joinCodeFor(boardId: string): string {
  // Two independent hashes give enough bits for six characters (31^6 ≈ 2^29.7).
  let value = fnv1a(boardId) * 2 ** 21 + (fnv1a(boardId, 0x2545f491) & 0x1fffff);
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[value % JOIN_CODE_ALPHABET.length];
    value = Math.floor(value / JOIN_CODE_ALPHABET.length);
  }
  return code;
}

/** A code as typed, with case, spaces and dashes forgiven; null when it cannot be a code. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}
