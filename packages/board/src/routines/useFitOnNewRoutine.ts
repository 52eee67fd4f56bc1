import { useEffect } from 'react';
import type { BoardController } from '../controller/controller';
import { routineOf } from './routine-state';

const TABLE_INSETS = { left: 330, top: 80, bottom: 80 };
/** On a tablet the banner holds the top and the toolbar the bottom. */
const TABLET_INSETS = { top: 200, bottom: 190 };

/**
 * When a routine arrives (started now, or found on opening the board), the view fits its
 * content so everyone sees the whole template; later phase changes leave the view alone.
 */
export function useFitOnNewRoutine(controller: BoardController): void {
  useEffect(() => {
    let shown: string | null = null;
    const check = () => {
      const { templateId, runId, phases } = routineOf(controller);
      const key = templateId === null || phases.length === 0 ? null : `${templateId}:${runId}`;
      // On the table the phase banner holds the left edge, seat toolbars the top and bottom.
      if (key !== null && key !== shown) {
        controller.fitToContent(controller.layout === 'table' ? TABLE_INSETS : TABLET_INSETS);
      }
      shown = key;
    };
    check();
    return controller.subscribe((change) => {
      if (change === 'routine') check();
    });
  }, [controller]);
}
