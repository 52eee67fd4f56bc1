/**
 * The header that says which state of a board a download shows: its Yjs state vector,
 * base64. The board's state (`GET /api/boards/<id>/state`) and its picture (`…/raster`)
 * both carry it, so a page can tell, before either body has arrived or been applied,
 * whether a picture it holds is the board as it is now.
 */
export const BOARD_STATE_HEADER = 'x-board-state';

/** A state vector as the header's value. */
export function stateVectorHeader(stateVector: Uint8Array): string {
  let binary = '';
  for (const byte of stateVector) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The state vector a header's value names (null when there is none, or it is not base64). */
export function stateVectorOfHeader(value: string | null): Uint8Array | null {
  if (!value) return null;
  try {
    return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Whether two state vectors are the same bytes (the same state of the same board). */
export const sameState = (a: Uint8Array | null, b: Uint8Array | null): boolean =>
  a !== null && b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);
