import { type ElementRecord, type ReadingDirection, readingOrder } from '@roundtable/shared';
import { cachedBounds } from '../controller/geometry-cache';

/** The records a screen reader can read: notes and text boxes (strokes are pictures). */
export type WrittenElement = Extract<ElementRecord, { type: 'note' | 'text' }>;

export const isWritten = (element: ElementRecord | undefined): element is WrittenElement =>
  element?.type === 'note' || element?.type === 'text';

/** The page's reading direction (Arabic reads each line right to left). */
export const pageDirection = (): ReadingDirection =>
  document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';

/** Every note and text box on the board, in reading order. */
export function writtenInReadingOrder(
  elements: Iterable<ElementRecord>,
  direction: ReadingDirection,
): WrittenElement[] {
  return readingOrder([...elements].filter(isWritten), cachedBounds, direction);
}
