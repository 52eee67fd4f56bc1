import { useSyncExternalStore } from 'react';

/** A done thing the librarian can take back for a moment ("Moved to the trash. Undo"). */
export interface UndoOffer {
  text: string;
  undo: () => Promise<unknown>;
}

let current: UndoOffer | null = null;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** How long the offer stays on screen (the trash keeps deleted boards far longer). */
const SHOWN_MS = 15_000;

export function offerUndo(offer: UndoOffer | null): void {
  current = offer;
  clearTimeout(timer);
  if (offer) timer = setTimeout(() => offerUndo(null), SHOWN_MS);
  for (const listener of listeners) listener();
}

export function useUndoOffer(): UndoOffer | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
