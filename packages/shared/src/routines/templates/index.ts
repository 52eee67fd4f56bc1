import { type Locale, SOURCE_LOCALE } from '../../i18n/locales';
import type { RoutineTemplate } from '../template';
import { groupDesignTask } from './group-design-task';
import { questionPoster } from './question-poster';
import { seeThinkWonder } from './see-think-wonder';
import { thinkPairShare } from './think-pair-share';

/** The routines that come with Roundtable, in the order the librarian's picker shows them. */
const BUILT_IN = [seeThinkWonder, thinkPairShare, questionPoster, groupDesignTask];

/** The built-in routines worded in `locale` (the language the librarian starts them in). */
export function builtInTemplates(locale: Locale = SOURCE_LOCALE): readonly RoutineTemplate[] {
  return BUILT_IN.map((template) => template(locale));
}

/** The built-in routines in the source language. */
export const BUILT_IN_TEMPLATES: readonly RoutineTemplate[] = builtInTemplates();

export function builtInTemplate(
  id: string,
  locale: Locale = SOURCE_LOCALE,
): RoutineTemplate | undefined {
  return builtInTemplates(locale).find((template) => template.id === id);
}
