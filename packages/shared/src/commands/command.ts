import type { Board } from '../doc/board';
import { assertEntry, type RootMapName } from '../schema/validate';

/**
 * A change to the board: a small object whose `perform` writes it. `runCommand` wraps it in
 * one Yjs transaction with an explicit origin, so undo and sync see it as one step. What the
 * user asked for, by name, is the board app's action (packages/board/src/actions).
 */
export interface Command<Args, Result = void> {
  perform(board: Board, args: Args): Result;
}

export function defineCommand<Args, Result = void>(
  perform: (board: Board, args: Args) => Result,
): Command<Args, Result> {
  return { perform };
}

export function runCommand<Args, Result>(
  board: Board,
  command: Command<Args, Result>,
  args: Args,
  origin: unknown,
): Result {
  let result: Result | undefined;
  board.doc.transact(() => {
    result = command.perform(board, args);
  }, origin);
  return result as Result;
}

type Keyed = { id: string };

/**
 * Validates every record first and writes only if all pass, so a bad record throws a
 * RecordValidationError with nothing applied.
 */
export function writeRecords(board: Board, map: RootMapName, records: readonly Keyed[]): void {
  for (const record of records) assertEntry(map, record.id, record);
  const target = board[map] as unknown as { set(key: string, value: unknown): void };
  for (const record of records) target.set(record.id, record);
}
