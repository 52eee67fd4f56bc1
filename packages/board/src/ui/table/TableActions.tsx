import type { ReactNode } from 'react';
import type { BoardController } from '../../controller/controller';
import { type LibrarianSession, mayFacilitate } from '../../sync/librarian-session';
import { JoinCard } from '../JoinCard';
import { LibrarianPanel } from '../LibrarianPanel';
import { PencilControls } from '../PencilControls';
import type { AskPencil } from '../PencilViews';
import { SaveExhibit } from '../SaveExhibit';
import { SeatSetup } from '../SeatSetup';

export interface TableActionsProps {
  controller: BoardController;
  ask: AskPencil;
  boardId: string;
  librarian: LibrarianSession;
}

/**
 * The table's own business, one button each: seats, joining, the talking pencil, the
 * librarian, saving an exhibit. Which of them this screen shows now, in order (the dock is
 * laid out for exactly these).
 */
export function tableActionIds({ controller, librarian }: TableActionsProps): string[] {
  const state = librarian.state;
  return [
    ...(controller.speaksForSeats() ? ['seats'] : []),
    'join',
    ...(mayFacilitate(state) ? ['pencil'] : []),
    ...(state ? ['librarian'] : []),
    ...(state?.signedIn ? ['exhibit'] : []),
  ];
}

/** Each table action's button (and the sheet it opens), by id. */
export function tableActions(props: TableActionsProps): Record<string, ReactNode> {
  const { controller, ask, boardId, librarian } = props;
  return {
    seats: <SeatSetup controller={controller} />,
    join: <JoinCard boardId={boardId} />,
    pencil: (
      <PencilControls controller={controller} ask={ask} allowed={mayFacilitate(librarian.state)} />
    ),
    librarian: (
      <LibrarianPanel session={librarian} controller={controller} ask={ask} boardId={boardId} />
    ),
    exhibit: <SaveExhibit controller={controller} boardId={boardId} />,
  };
}

/** The table's actions in a column in its corner, while no seats line its edges. */
export function TableActionColumn(props: TableActionsProps) {
  const actions = tableActions(props);
  return (
    <div className="table-actions">
      {tableActionIds(props).map((id) => (
        <div key={id} className="table-action-slot">
          {actions[id]}
        </div>
      ))}
    </div>
  );
}
