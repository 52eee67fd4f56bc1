import { pageStore, usePageStore } from '../../page-store';

/**
 * Which of the table's panels are open (seats, joining, the pencil…), kept outside the
 * components: the first seats set up move the buttons from the corner into a dock, and the
 * panel being used must stay open through that.
 */
const open = pageStore<ReadonlySet<string>>(new Set());

export function setPanelOpen(name: string, shown: boolean): void {
  if (open.get().has(name) === shown) return;
  const next = new Set(open.get());
  if (shown) next.add(name);
  else next.delete(name);
  open.set(next);
}

/** Whether the panel `name` is open, and a setter, like `useState`. */
export function usePanelOpen(name: string): [boolean, (shown: boolean) => void] {
  return [usePageStore(open).has(name), (shown) => setPanelOpen(name, shown)];
}
