const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A random 16-character id (~95 bits). Uses getRandomValues, not randomUUID: tablets reach
 * the table over plain http on the LAN, which is not a secure context, and randomUUID is
 * missing there.
 */
export function createId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** A board id, as URLs and the sync endpoint accept it. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isBoardId = (id: string): boolean => BOARD_ID_PATTERN.test(id);
