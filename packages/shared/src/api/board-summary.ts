import type { Board } from '../doc/board';
import { parsePencil } from '../pencil/pencil-machine';
import { parseLock } from '../schema/records/control';

/** A board as the librarian's home lists it (`GET /api/boards`). */
export interface BoardSummary {
  id: string;
  title: string;
  elements: number;
  locked: boolean;
  pencil: 'open' | 'pencil';
  archived: boolean;
  /** Devices on it now. */
  devices: number;
}

/** What a board's own document says of it in the list (the rest is the server's). */
export type BoardDocSummary = Pick<BoardSummary, 'title' | 'elements' | 'locked' | 'pencil'>;

/** Reads the list's fields from a board's document, once per change rather than per listing. */
export function summariseBoard(board: Board): BoardDocSummary {
  return {
    title: (board.meta.get('title') as string | undefined) ?? '',
    elements: board.elements.size,
    locked: parseLock(board.control.get('lock')).locked,
    pencil: parsePencil(board.control.get('pencil')).mode,
  };
}
