import { parseRoutine, type RoutineState } from '@roundtable/shared';
import type { BoardController } from '../controller/controller';

/** The routine as the server last wrote it. */
export const routineOf = (controller: BoardController): RoutineState =>
  parseRoutine(controller.board.control.get('routine'));
