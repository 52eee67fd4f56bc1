import { useEffect, useReducer, useRef } from 'react';
import type { BoardController, Change } from '../controller/controller';

/** Re-renders the component when the controller reports one of `changes` (never on 'live'). */
export function useControllerState(
  controller: BoardController,
  changes: readonly Change[],
): BoardController {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const watched = useRef(changes);
  watched.current = changes;
  useEffect(
    () =>
      controller.subscribe((change) => {
        if (watched.current.includes(change)) bump();
      }),
    [controller],
  );
  return controller;
}
