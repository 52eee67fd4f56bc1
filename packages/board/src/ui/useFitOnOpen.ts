import { useEffect } from 'react';
import type { BoardController } from '../controller/controller';

/** Below this zoom a note's writing is too small to read on a tablet: fitting stops here. */
export const READABLE_ZOOM = 0.45;

/**
 * A tablet opens on the board's content, fitted between its own toolbars (never on the
 * board's empty top-left corner); if all of it would be too small to read, on its middle at
 * a zoom where notes can still be read. Once, when the board's content first arrives: after
 * that the view is the student's.
 */
export function useFitOnOpen(controller: BoardController): void {
  useEffect(() => {
    if (controller.layout !== 'tablet') return;
    let frame = 0;
    const elements = controller.board.elements;
    // Only content that arrives (the board loading), never the student's own first stroke.
    const tryFit = (event?: { transaction: { local: boolean } }) => {
      if (frame || elements.size === 0 || event?.transaction.local) return;
      elements.unobserve(tryFit);
      // After this frame's layout, so the toolbars' insets are measured.
      frame = requestAnimationFrame(() => {
        controller.fitToContent();
        const { zoom } = controller.camera;
        if (zoom < READABLE_ZOOM) controller.zoomBy(READABLE_ZOOM / zoom);
      });
    };
    tryFit();
    if (!frame) elements.observe(tryFit);
    return () => {
      elements.unobserve(tryFit);
      cancelAnimationFrame(frame);
    };
  }, [controller]);
}
