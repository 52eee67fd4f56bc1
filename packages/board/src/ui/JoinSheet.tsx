import { SEAT_COLORS, SEAT_NAMES } from '@roundtable/shared';
import { useEffect, useState } from 'react';
import { Dialog } from '../a11y/Dialog';
import type { BoardController } from '../controller/controller';
import { colourName } from '../controller/palette';
import { useT } from '../i18n';
import { useControllerState } from './useControllerState';

const NAME_KEY = 'roundtable.name';
const COLOR_KEY = 'roundtable.color';
/** Set on the URL when a tablet moves to another group's board. */
export const MOVED_PARAM = 'moved';

/**
 * A tablet's first screen on a board: pick a name (typed, or a friendly one) and a colour.
 * Remembered on the tablet, so the next board only asks for a tap.
 */
export function JoinSheet({
  controller,
  synced,
}: {
  controller: BoardController;
  /** The board has synced with the server, so we know whether this tablet is on it already. */
  synced: boolean;
}) {
  const t = useT();
  useControllerState(controller, ['participants']);
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [color, setColor] = useState(() => localStorage.getItem(COLOR_KEY) ?? SEAT_COLORS[1]!);
  // Moved here from another group's board: join under the same name without asking again
  // (once synced: a tablet that was here before keeps its place in the turn order).
  useEffect(() => {
    if (!synced) return;
    const url = new URL(window.location.href);
    if (!url.searchParams.has(MOVED_PARAM)) return;
    url.searchParams.delete(MOVED_PARAM);
    window.history.replaceState(null, '', url);
    const remembered = localStorage.getItem(NAME_KEY);
    if (remembered && !controller.participant()) {
      controller.join(remembered, localStorage.getItem(COLOR_KEY) ?? SEAT_COLORS[1]!);
    }
  }, [controller, synced]);
  if (controller.layout !== 'tablet' || controller.participant()) return null;
  const taken = new Set(
    [...controller.board.participants.values(), ...controller.board.seats.values()].map(
      (p) => p.name,
    ),
  );
  const suggestions = SEAT_NAMES.filter((n) => !taken.has(n)).slice(0, 4);
  const trimmed = name.trim();
  const join = () => {
    if (!trimmed) return;
    localStorage.setItem(NAME_KEY, trimmed);
    localStorage.setItem(COLOR_KEY, color);
    controller.join(trimmed, color);
  };
  return (
    <Dialog className="join-backdrop" label={t('joinSheet.label')}>
      <form
        className="join-sheet"
        onSubmit={(event) => {
          event.preventDefault();
          join();
        }}
      >
        <h2>{t('joinSheet.hello')}</h2>
        <input
          aria-label={t('joinSheet.nameLabel')}
          value={name}
          maxLength={40}
          placeholder={t('joinSheet.namePlaceholder')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <div className="join-suggestions">
          {suggestions.map((n) => (
            <button key={n} type="button" className="chip" onClick={() => setName(n)}>
              {n}
            </button>
          ))}
        </div>
        <p>{t('joinSheet.pickColour')}</p>
        <div className="join-colors">
          {SEAT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch"
              aria-label={colourName(c)}
              aria-pressed={color === c}
              style={{ background: c }}
              onClick={() => setColor(c)}
            />
          ))}
        </div>
        <button
          type="submit"
          className="join-button"
          disabled={!trimmed}
          style={{ background: color }}
        >
          {t('joinSheet.join')}
        </button>
      </form>
    </Dialog>
  );
}
