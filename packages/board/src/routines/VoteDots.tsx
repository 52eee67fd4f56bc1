import {
  boardToScreen,
  type NoteRecord,
  rotate,
  tallyBoardVotes,
  toggleVote,
  votesOf,
} from '@roundtable/shared';
import { useEffect, useReducer } from 'react';
import type { BoardController } from '../controller/controller';
import { useControllerState } from '../ui/useControllerState';
import { routineOf } from './routine-state';

/** Where a note's dot button sits: its top-right corner, turned with the note. */
function dotAnchor(note: NoteRecord) {
  const corner = rotate({ x: note.w - 36, y: 36 }, note.rotation);
  return { x: note.x + corner.x, y: note.y + corner.y };
}

/**
 * Dot-voting on a question poster: a dot on every note with its tally. A tap places this
 * person's dot there (or takes it back); on the table the dot is the seat's whose side of
 * the table the tap is on. The server refuses dots over the budget or for someone else.
 */
export function VoteDots({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['routine', 'votes', 'camera', 'seats', 'participants']);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    controller.board.elements.observe(bump);
    return () => controller.board.elements.unobserve(bump);
  }, [controller]);

  const budget = routineOf(controller).votesPerParticipant;
  if (budget === null) return null;
  const board = controller.board;
  const tally = tallyBoardVotes(board);
  const notes = [...board.elements.values()].filter((e): e is NoteRecord => e.type === 'note');

  const vote = (noteId: string, at: { x: number; y: number }) => {
    if (controller.locked()) {
      controller.setNotice({ kind: 'info', text: 'The librarian has locked this board.' });
      return;
    }
    const table = controller.layout === 'table';
    if (table ? controller.seats().length === 0 : !controller.participant()) {
      controller.setNotice({
        kind: 'info',
        text: table
          ? 'Set up the seats first: each seat gets its own dots.'
          : 'Join the board first.',
      });
      return;
    }
    const voter = controller.actorAt(at).id;
    const mine = votesOf(board, voter);
    if (!mine.includes(noteId) && mine.length >= budget) {
      controller.setNotice({
        kind: 'info',
        text: `${controller.nameOf(voter)} has used all ${budget} dots. Tap a dot of yours to take it back.`,
      });
      return;
    }
    board.votes.set(voter, toggleVote(mine, voter, noteId));
  };

  return (
    <div className="vote-dots">
      {notes.map((note) => {
        const p = boardToScreen(controller.camera, dotAnchor(note));
        const count = tally.get(note.id) ?? 0;
        return (
          <button
            type="button"
            key={note.id}
            className={`vote-dot${count > 0 ? ' voted' : ''}`}
            style={{ left: p.x, top: p.y }}
            aria-label={`Vote for “${note.text.slice(0, 40)}”: ${count} dots`}
            data-note-id={note.id}
            data-votes={count}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={(event) => vote(note.id, { x: event.clientX, y: event.clientY })}
          >
            {count}
          </button>
        );
      })}
    </div>
  );
}

/** "2 of 3 dots left": a tablet's own, or (with `voterId`) a seat's on its toolbar. */
export function DotsLeft({
  controller,
  voterId,
}: {
  controller: BoardController;
  voterId?: string;
}) {
  useControllerState(controller, ['routine', 'votes', 'participants']);
  const budget = routineOf(controller).votesPerParticipant;
  const voter = voterId ?? controller.participant()?.id;
  if (budget === null || !voter) return null;
  const left = budget - votesOf(controller.board, voter).length;
  return (
    <output className="dots-left" aria-label="Dots left" data-voter={voter}>
      {voterId ? `● ${left}` : `${left} of ${budget} dots left`}
    </output>
  );
}
