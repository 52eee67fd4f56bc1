import { useSyncExternalStore } from 'react';

/**
 * One value for the whole page, kept outside the components that follow it (which edge of
 * the table touched last, which panels are open, the undo offer).
 */
export interface PageStore<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function pageStore<T>(initial: T): PageStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's value, re-rendering when it changes. */
export function usePageStore<T>(store: PageStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
