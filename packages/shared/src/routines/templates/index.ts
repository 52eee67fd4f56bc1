import type { RoutineTemplate } from '../template';
import { groupDesignTask } from './group-design-task';
import { questionPoster } from './question-poster';
import { seeThinkWonder } from './see-think-wonder';
import { thinkPairShare } from './think-pair-share';

/** The routines that come with Roundtable, in the order the librarian's picker shows them. */
export const BUILT_IN_TEMPLATES: readonly RoutineTemplate[] = [
  seeThinkWonder,
  thinkPairShare,
  questionPoster,
  groupDesignTask,
];

export function builtInTemplate(id: string): RoutineTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id);
}
