import { type ElementRecord, elementBounds, memoByObject, type Rect } from '@roundtable/shared';

/** Bounds per record, computed once per version of the record. */
export const cachedBounds: (element: ElementRecord) => Rect = memoByObject(elementBounds);
