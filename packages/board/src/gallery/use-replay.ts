import { type Board, type ElementRecord, REPLAY_STEP_MS, replaySteps } from '@roundtable/shared';
import { useEffect, useRef, useState } from 'react';

export interface ReplayState {
  step: number;
  total: number;
  speed: number;
}

/**
 * Plays back how a board was built, element by element, on the exhibit page's own copy of
 * the board (it has no socket: nothing here reaches the server). Stopping shows it whole.
 */
export function useReplay(board: Board) {
  const [state, setState] = useState<ReplayState | null>(null);
  const steps = useRef<ElementRecord[]>([]);
  const timer = useRef(0);

  const addUpTo = (count: number) => {
    board.doc.transact(() => {
      for (const element of steps.current.slice(0, count)) {
        if (!board.elements.has(element.id)) board.elements.set(element.id, element);
      }
    });
  };

  const play = (from: number, speed: number) => {
    window.clearInterval(timer.current);
    let step = from;
    setState({ step, total: steps.current.length, speed });
    timer.current = window.setInterval(() => {
      step++;
      addUpTo(step);
      setState({ step, total: steps.current.length, speed });
      if (step >= steps.current.length) window.clearInterval(timer.current);
    }, REPLAY_STEP_MS / speed);
  };

  const start = (speed = 1) => {
    steps.current = replaySteps(board);
    board.doc.transact(() => {
      for (const id of [...board.elements.keys()]) board.elements.delete(id);
    });
    play(0, speed);
  };

  const setSpeed = (speed: number) => {
    if (state) play(state.step, speed);
  };

  const stop = () => {
    window.clearInterval(timer.current);
    addUpTo(steps.current.length);
    setState(null);
  };

  useEffect(() => () => window.clearInterval(timer.current), []);
  return { state, start, setSpeed, stop };
}
