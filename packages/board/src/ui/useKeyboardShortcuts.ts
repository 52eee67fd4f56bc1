import { useEffect } from 'react';
import type { BoardController } from '../controller/controller';

/** Undo/redo, delete and escape for a keyboard (a librarian's laptop, a tablet's keyboard case). */
export function useKeyboardShortcuts(controller: BoardController) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)
        return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) controller.redo();
        else controller.undo();
      } else if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        controller.redo();
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        controller.deleteSelection();
      } else if (event.key === 'Escape') {
        controller.select([]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
