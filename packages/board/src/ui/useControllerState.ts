import { useEffect, useReducer } from 'react';
import type { BoardController, Change } from '../controller/controller';

/** Re-renders the component when the controller reports one of `changes` (never on 'live'). */
export function useControllerState(
  controller: BoardController,
  changes: readonly Change[],
): BoardController {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(
    () =>
      controller.subscribe((change) => {
        if (changes.includes(change)) bump();
      }),
    // biome-ignore lint/correctness/useExhaustiveDependencies: the list is a constant per caller
    [controller],
  );
  return controller;
}
