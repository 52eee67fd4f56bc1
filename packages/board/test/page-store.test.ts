import { describe, expect, it } from 'vitest';
import { pageStore } from '../src/page-store';

describe('a page store', () => {
  it('tells its followers of a new value once, of the same value never, and stops when asked', () => {
    const store = pageStore('bottom');
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.get()));
    store.set('top');
    store.set('top');
    store.set('left');
    stop();
    store.set('right');
    expect(seen).toEqual(['top', 'left']);
    expect(store.get()).toBe('right');
  });
});
