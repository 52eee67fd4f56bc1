import { useEffect } from 'react';
import { runAction } from '../actions/action';
import { actionForKey } from '../actions/keys';
import { ACTIONS } from '../actions/register';
import type { BoardController } from '../controller/controller';

/**
 * The registered actions' keys (undo and redo, delete, escape, …) for a keyboard: a
 * librarian's laptop, a tablet's keyboard case, or anyone who does not use a pointer.
 */
export function useKeyboardShortcuts(controller: BoardController) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event, ACTIONS);
      const target = { controller };
      // A key whose action cannot be used now (Escape with nothing selected) stays the page's.
      if (!action || (action.predicate && !action.predicate(target))) return;
      event.preventDefault();
      runAction(action, target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
