import type { ElementRecord } from '@roundtable/shared';
import { type CSSProperties, useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import type { BoardController } from '../controller/controller';
import { clearOfInsets } from '../controller/view';
import { useT } from '../i18n';
import { useControllerState } from '../ui/useControllerState';
import { useWindowSize } from '../useWindowSize';
import { isWritten, pageDirection, writtenInReadingOrder } from './board-text';
import { useAddedByOthers } from './useAddedByOthers';

/**
 * The board's notes and text as a list a screen reader can read, in reading order (the
 * canvas itself says nothing). Drawn only while a keyboard is in it; choosing an entry
 * selects it on the board, so the arrow keys move it. What others add is announced. Shown,
 * it keeps to the board clear of this screen's toolbars (every seat's, on a table).
 */
export function BoardTextList({
  controller,
  synced,
}: {
  controller: BoardController;
  /** The board has synced with the server: additions from then on are announced. */
  synced: boolean;
}) {
  const t = useT();
  useControllerState(controller, ['selection', 'seats', 'participants', 'insets']);
  const clear = clearOfInsets(useWindowSize(), controller.viewInsets);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    // Only a change to a note or text box redraws the list (strokes come by the thousand).
    const changed = (event: Y.YMapEvent<ElementRecord>) => {
      for (const [key, change] of event.changes.keys) {
        const before = change.oldValue as ElementRecord | undefined;
        if (isWritten(controller.board.elements.get(key)) || isWritten(before)) return bump();
      }
    };
    controller.board.elements.observe(changed);
    return () => controller.board.elements.unobserve(changed);
  }, [controller]);
  const announcement = useAddedByOthers(controller, synced);
  const written = writtenInReadingOrder(controller.board.elements.values(), pageDirection());
  const label = t('a11y.boardText');
  return (
    <>
      <section
        className="board-text-list"
        aria-label={label}
        // Read by the stylesheet only while the list is shown.
        style={
          {
            '--clear-x': `${clear.x}px`,
            '--clear-y': `${clear.y}px`,
            '--clear-w': `${clear.w}px`,
            '--clear-h': `${clear.h}px`,
          } as CSSProperties
        }
      >
        <h2>{label}</h2>
        {written.length === 0 ? (
          <p>{t('a11y.boardTextNone')}</p>
        ) : (
          <ol>
            {written.map((element) => {
              const values = {
                author: controller.nameOf(element.authorId),
                text: element.text.trim() || t('a11y.blank'),
              };
              return (
                <li key={element.id} data-element={element.id}>
                  <button
                    type="button"
                    aria-pressed={controller.selection.has(element.id)}
                    onClick={() => {
                      controller.setTool('select');
                      controller.select([element.id]);
                    }}
                  >
                    {element.type === 'note' ? t('a11y.note', values) : t('a11y.text', values)}
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <p>{t('a11y.keysHelp')}</p>
      </section>
      <div className="visually-hidden" aria-live="polite" data-testid="board-announcer">
        {announcement}
      </div>
    </>
  );
}
