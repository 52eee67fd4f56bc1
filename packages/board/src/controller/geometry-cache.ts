import { type ElementRecord, elementBounds, type Rect } from '@roundtable/shared';

/**
 * Bounds per record, computed once: Yjs hands back the same object for a record until it
 * is replaced, so a WeakMap keyed by the record is invalidated by edits for free.
 */
const boundsCache = new WeakMap<ElementRecord, Rect>();

export function cachedBounds(element: ElementRecord): Rect {
  let bounds = boundsCache.get(element);
  if (!bounds) {
    bounds = elementBounds(element);
    boundsCache.set(element, bounds);
  }
  return bounds;
}
