import { clockRunning } from '@roundtable/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardController } from '../controller/controller';
import { routineOf } from '../routines/routine-state';
import { attractDue, type BoardActivity, nextAttractCheck } from './attract-idle';

/**
 * Other devices on the board, a tablet still at its join sheet too (watchers such as the
 * overview clear their state, so they do not count).
 */
function othersOn(awareness: Awareness): number {
  let count = 0;
  for (const clientId of awareness.getStates().keys()) if (clientId !== awareness.clientID) count++;
  return count;
}

/**
 * The table's attract mode: true once the board has been idle for `ms` (see `attractDue`);
 * any activity on the board (a touch here, a change from anywhere, another device's ink,
 * cursor or arrival, a routine's clock starting) ends it and starts the wait again.
 * `wake` gives the board back at once (the touch on the slideshow).
 */
export function useAttract(
  controller: BoardController,
  awareness: Awareness,
  ms: number | null,
): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  const lastActivity = useRef(Date.now());
  const activity = useCallback((): BoardActivity => {
    return {
      lastActivityAt: lastActivity.current,
      clockRunning: clockRunning(routineOf(controller)),
      othersPresent: othersOn(awareness),
    };
  }, [controller, awareness]);

  useEffect(() => {
    if (ms === null) return;
    let timer = 0;
    const check = () => {
      window.clearTimeout(timer);
      const now = Date.now();
      const state = activity();
      const due = attractDue(state, now, ms);
      setIdle(due);
      if (!due) timer = window.setTimeout(check, nextAttractCheck(state, now, ms));
    };
    const active = () => {
      lastActivity.current = Date.now();
      check();
    };
    const remoteActivity = ({
      added,
      updated,
      removed,
    }: {
      added: number[];
      updated: number[];
      removed: number[];
    }) => {
      if ([...added, ...updated, ...removed].some((id) => id !== awareness.clientID)) active();
    };
    const doc = controller.board.elements.doc;
    window.addEventListener('pointerdown', active, { capture: true });
    window.addEventListener('keydown', active, { capture: true });
    doc?.on('update', active);
    awareness.on('change', remoteActivity);
    const unsubscribe = controller.subscribe((change) => {
      if (change === 'routine') active();
    });
    check();
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', active, { capture: true });
      window.removeEventListener('keydown', active, { capture: true });
      doc?.off('update', active);
      awareness.off('change', remoteActivity);
      unsubscribe();
    };
  }, [ms, controller, awareness, activity]);

  const wake = useCallback(() => {
    lastActivity.current = Date.now();
    setIdle(false);
  }, []);
  return [idle, wake];
}
