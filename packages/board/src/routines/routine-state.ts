import { DEFAULT_ROUTINE, type RoutineState, routineSchema } from '@roundtable/shared';
import type { BoardController } from '../controller/controller';

/** The routine as the server last wrote it. */
export function routineOf(controller: BoardController): RoutineState {
  const parsed = routineSchema.safeParse(controller.board.control.get('routine'));
  return parsed.success ? parsed.data : DEFAULT_ROUTINE;
}
