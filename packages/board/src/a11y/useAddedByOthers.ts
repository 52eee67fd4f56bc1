import type { ElementRecord } from '@roundtable/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardController } from '../controller/controller';
import { t } from '../i18n';
import { isWritten } from './board-text';

/** How long a new note must stay unchanged (its author typing) before it is read out. */
const SETTLE_MS = 1200;
/** More notes than this at once is a template or a restore, not a classmate writing. */
const MOST_AT_ONCE = 5;

/**
 * What to say when another device adds a note or text: "Mia added a note: TikTok", once its
 * author has stopped typing for a moment. What this device writes, and what arrives before
 * the board has `synced` (its first load), is not announced.
 */
export function useAddedByOthers(controller: BoardController, synced: boolean): string {
  const [said, setSaid] = useState('');
  // The board's first sync brings everything at once: only what comes once synced is news.
  const news = useRef(synced);
  news.current = synced;
  useEffect(() => {
    const board = controller.board;
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const announce = () => {
      const lines = [...pending].flatMap((id) => {
        const element = board.elements.get(id);
        if (!isWritten(element)) return [];
        const values = {
          author: controller.nameOf(element.authorId),
          text: element.text.trim() || t('a11y.blank'),
        };
        return [
          element.type === 'note' ? t('a11y.addedNote', values) : t('a11y.addedText', values),
        ];
      });
      pending.clear();
      // The same words twice are still read twice: a space of difference makes them new.
      if (lines.length > 0)
        setSaid((before) => {
          const next = lines.join(' ');
          return before === next ? `${next}\u00a0` : next;
        });
    };
    const changed = (event: Y.YMapEvent<ElementRecord>, transaction: Y.Transaction) => {
      if (transaction.local || !news.current) return;
      const added = [...event.changes.keys]
        .filter(([key, change]) => change.action === 'add' && isWritten(board.elements.get(key)))
        .map(([key]) => key);
      if (added.length > MOST_AT_ONCE) return;
      for (const id of added) pending.add(id);
      const typing = [...event.changes.keys.keys()].some((key) => pending.has(key));
      if (!typing) return;
      clearTimeout(timer);
      timer = setTimeout(announce, SETTLE_MS);
    };
    board.elements.observe(changed);
    return () => {
      clearTimeout(timer);
      board.elements.unobserve(changed);
    };
  }, [controller]);
  return said;
}
