import type {
  Locale,
  PublishedRun,
  PublishedRunGroup,
  RoutineAction,
  RoutineSettings,
  RoutineStartedReply,
  RunActionReply,
  TemplateSummary,
} from '@roundtable/shared';
import { api } from '../api';

// The replies' shapes are the server's, from `@roundtable/shared` (wire/routines-api).
export type { TemplateSummary };
export type RunGroup = PublishedRunGroup;
export type RoutineRun = PublishedRun;

/** The routines, built-in ones worded in `locale`. */
export const listTemplates = (locale: Locale) =>
  api<TemplateSummary[]>('GET', `/api/templates?locale=${locale}`);
export const startRoutineOnBoard = (
  boardId: string,
  templateId: string,
  prompt: string,
  settings: RoutineSettings,
  /** The language the template's words are put on the board in. */
  locale: Locale,
) =>
  api<RoutineStartedReply>('POST', `/api/boards/${boardId}/routine`, {
    templateId,
    prompt,
    ...settings,
    locale,
  });
export const startGroupRun = (
  templateId: string,
  prompt: string,
  groups: string[],
  settings: RoutineSettings,
  locale: Locale,
) => api<RoutineRun>('POST', '/api/routines', { templateId, prompt, groups, ...settings, locale });
export const getRun = (runId: string) => api<RoutineRun>('GET', `/api/routines/${runId}`);
export const listRuns = () => api<RoutineRun[]>('GET', '/api/routines');
export const runAction = (runId: string, action: RoutineAction) =>
  api<RunActionReply>('POST', `/api/routines/${runId}/phase`, { action });
export const renameGroup = (runId: string, boardId: string, name: string) =>
  api<RoutineRun>('PATCH', `/api/routines/${runId}/groups/${boardId}`, { name });
export const keepAsTemplate = (boardId: string, title: string) =>
  api<TemplateSummary>('POST', '/api/templates', { boardId, title });
