import { seatAt, TABLE_EDGES, type TableEdge } from '@roundtable/shared';
import { useEffect } from 'react';
import type { BoardController } from '../../controller/controller';
import { usePageStore } from '../../page-store';
import { lastTouch } from './facing';

/** The edge that touched last, re-rendering when it changes. */
export function useLastTouchEdge() {
  return usePageStore(lastTouch);
}

/**
 * Notes which seat's edge each touch on the table comes from (a touch belongs to the
 * nearest seat, as a stroke does), before anything else handles it.
 */
export function useTrackTouchEdge(controller: BoardController): void {
  useEffect(() => {
    const down = (event: PointerEvent) => {
      // A touch on a toolbar, a dock or an open sheet comes from the edge that faces it.
      const target = event.target instanceof Element ? event.target : null;
      const faced = target?.closest('[data-facing], [data-edge]');
      const edge = faced?.getAttribute('data-facing') ?? faced?.getAttribute('data-edge');
      if (edge && (TABLE_EDGES as readonly string[]).includes(edge)) {
        lastTouch.set(edge as TableEdge);
        return;
      }
      const point = { x: event.clientX, y: event.clientY };
      const seat = seatAt(controller.seats(), point, controller.viewport);
      if (seat) lastTouch.set(seat.edge);
    };
    document.addEventListener('pointerdown', down, { capture: true });
    return () => document.removeEventListener('pointerdown', down, { capture: true });
  }, [controller]);
}
