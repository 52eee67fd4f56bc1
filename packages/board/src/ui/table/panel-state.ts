import { useSyncExternalStore } from 'react';

/**
 * Which of the table's panels are open (seats, joining, the pencil…), kept outside the
 * components: the first seats set up move the buttons from the corner into a dock, and the
 * panel being used must stay open through that.
 */
const open = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setPanelOpen(name: string, shown: boolean): void {
  if (open.has(name) === shown) return;
  if (shown) open.add(name);
  else open.delete(name);
  version++;
  for (const listener of listeners) listener();
}

/** Whether the panel `name` is open, and a setter, like `useState`. */
export function usePanelOpen(name: string): [boolean, (shown: boolean) => void] {
  useSyncExternalStore(subscribe, () => version);
  return [open.has(name), (shown) => setPanelOpen(name, shown)];
}
