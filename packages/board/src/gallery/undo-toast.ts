import { pageStore, usePageStore } from '../page-store';

/** A done thing the librarian can take back for a moment ("Moved to the trash. Undo"). */
export interface UndoOffer {
  text: string;
  undo: () => Promise<unknown>;
}

const current = pageStore<UndoOffer | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;

/** How long the offer stays on screen (the trash keeps deleted boards far longer). */
const SHOWN_MS = 15_000;

export function offerUndo(offer: UndoOffer | null): void {
  clearTimeout(timer);
  if (offer) timer = setTimeout(() => offerUndo(null), SHOWN_MS);
  current.set(offer);
}

export const useUndoOffer = (): UndoOffer | null => usePageStore(current);
