import { useEffect, useReducer } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
import { onlineUsers } from '../sync/presence';
import { useControllerState } from './useControllerState';

interface Person {
  id: string;
  name: string;
  color: string;
  kind: 'seat' | 'tablet';
  here: boolean;
}

/**
 * Everyone on the board: the table's seats (here while a table shows the board) and the
 * tablets that joined (here while connected). Someone who left stays listed, greyed out.
 */
export function ParticipantsStrip({
  controller,
  awareness,
}: {
  controller: BoardController;
  awareness: Awareness;
}) {
  const t = useT();
  useControllerState(controller, ['seats', 'participants']);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    awareness.on('change', bump);
    return () => awareness.off('change', bump);
  }, [awareness]);
  const online = onlineUsers(awareness);
  const tableHere = online.some((u) => u.kind === 'table');
  const people: Person[] = [
    ...controller.seats().map((s) => ({ ...s, kind: 'seat' as const, here: tableHere })),
    ...[...controller.board.participants.values()]
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map((p) => ({
        id: p.id,
        name: p.name,
        color: p.color,
        kind: 'tablet' as const,
        here: online.some((u) => u.kind === 'tablet' && u.id === p.id),
      })),
  ];
  if (people.length === 0) return null;
  return (
    <ul className="participants" aria-label={t('people.label')}>
      {people.map((p) => (
        <li
          key={p.id}
          className={`person${p.here ? '' : ' away'}`}
          data-person={p.id}
          data-here={p.here}
          title={t(
            p.kind === 'seat'
              ? p.here
                ? 'people.atTable'
                : 'people.atTableAway'
              : p.here
                ? 'people.tablet'
                : 'people.tabletAway',
            { name: p.name },
          )}
        >
          <span className="person-dot" style={{ background: p.color }} />
          {p.name}
        </li>
      ))}
    </ul>
  );
}
