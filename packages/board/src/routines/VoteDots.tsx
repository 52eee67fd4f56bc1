import {
  boardToScreen,
  dotPlacement,
  type NoteRecord,
  tallyBoardVotes,
  toggleVote,
  votesOf,
  votingBudget,
} from '@roundtable/shared';
import { useEffect, useReducer, useRef } from 'react';
import { type BoardController, notATable } from '../controller/controller';
import { t } from '../i18n';
import { useControllerState } from '../ui/useControllerState';
import { routineOf } from './routine-state';

/**
 * Dot-voting on a question poster, in its Vote phase only: a dot button beside every note
 * (never over its text, at any zoom) with its tally. Only a tap that starts and ends on the
 * button places this person's dot (or takes it back): a tap on the board that adds a note
 * never votes. On the table the dot is the seat's whose side of the table the tap is on.
 * The server refuses dots outside the Vote phase, over the budget or for someone else.
 */
export function VoteDots({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['routine', 'votes', 'camera', 'seats', 'participants']);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  // The button a finger or the mouse went down on: a click that began elsewhere (the tap
  // that placed a note, landing on the button the new note brought) is not a vote.
  const pressed = useRef<string | null>(null);
  useEffect(() => {
    controller.board.elements.observe(bump);
    return () => controller.board.elements.unobserve(bump);
  }, [controller]);

  const budget = votingBudget(routineOf(controller));
  if (budget === null) return null;
  const board = controller.board;
  const tally = tallyBoardVotes(board);
  const notes = [...board.elements.values()].filter((e): e is NoteRecord => e.type === 'note');

  const vote = (noteId: string, at: { x: number; y: number }) => {
    if (controller.locked()) {
      controller.setNotice({ kind: 'info', text: t('votes.locked') });
      return;
    }
    const table = controller.layout === 'table';
    if (table && !controller.speaksForSeats()) {
      controller.setNotice({ kind: 'info', text: notATable() });
      return;
    }
    if (table ? controller.seats().length === 0 : !controller.participant()) {
      controller.setNotice({
        kind: 'info',
        text: table ? t('votes.seatsFirst') : t('votes.joinFirst'),
      });
      return;
    }
    const voter = controller.actorAt(at).id;
    const mine = votesOf(board, voter);
    if (!mine.includes(noteId) && mine.length >= budget) {
      controller.setNotice({
        kind: 'info',
        text: t('votes.usedAll', { name: controller.nameOf(voter), budget }),
      });
      return;
    }
    board.votes.set(voter, toggleVote(mine, voter, noteId));
  };

  return (
    <div className="vote-dots">
      {notes.map((note) => {
        const { center, size } = dotPlacement(note, controller.camera.zoom);
        const p = boardToScreen(controller.camera, center);
        const count = tally.get(note.id) ?? 0;
        return (
          <button
            type="button"
            key={note.id}
            className={`vote-dot${count > 0 ? ' voted' : ''}`}
            style={{
              left: p.x,
              top: p.y,
              minWidth: size,
              height: size,
              borderRadius: size / 2,
              fontSize: Math.round(size * 0.42),
              padding: `0 ${Math.round(size * 0.18)}px`,
            }}
            aria-label={t('votes.voteFor', { text: note.text.slice(0, 40), count })}
            data-note-id={note.id}
            data-votes={count}
            onPointerDown={(event) => {
              event.stopPropagation();
              pressed.current = note.id;
            }}
            onClick={(event) => {
              // detail 0: the keyboard pressed it (no pointer went down anywhere).
              if (event.detail !== 0 && pressed.current !== note.id) return;
              pressed.current = null;
              vote(note.id, { x: event.clientX, y: event.clientY });
            }}
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
  const budget = votingBudget(routineOf(controller));
  const voter = voterId ?? controller.participant()?.id;
  if (budget === null || !voter) return null;
  const left = budget - votesOf(controller.board, voter).length;
  return (
    <output className="dots-left" aria-label={t('votes.dotsLeftLabel')} data-voter={voter}>
      {voterId ? t('votes.seatLeft', { left }) : t('votes.dotsLeft', { left, budget })}
    </output>
  );
}
