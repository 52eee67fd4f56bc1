import type {
  RoutineAction,
  RoutinePhase,
  RoutineSettings,
  RoutineRun as SharedRoutineRun,
  RunGroup as SharedRunGroup,
} from '@roundtable/shared';
import { api } from '../api';

export interface TemplateSummary {
  id: string;
  title: string;
  summary: string;
  phases: RoutinePhase[];
  votesPerParticipant: number | null;
  prompt: { label: string; default: string } | null;
  saved: boolean;
}

/** A group as the server hands it out: with the code its tablets type at /join. */
export type RunGroup = SharedRunGroup & { joinCode: string };
export type RoutineRun = Omit<SharedRoutineRun, 'groups'> & { groups: RunGroup[] };

export const listTemplates = () => api<TemplateSummary[]>('GET', '/api/templates');
export const startRoutineOnBoard = (
  boardId: string,
  templateId: string,
  prompt: string,
  settings: RoutineSettings = {},
) => api<unknown>('POST', `/api/boards/${boardId}/routine`, { templateId, prompt, ...settings });
export const startGroupRun = (
  templateId: string,
  prompt: string,
  groups: string[],
  settings: RoutineSettings = {},
) => api<RoutineRun>('POST', '/api/routines', { templateId, prompt, groups, ...settings });
export const getRun = (runId: string) => api<RoutineRun>('GET', `/api/routines/${runId}`);
export const listRuns = () => api<RoutineRun[]>('GET', '/api/routines');
export const runAction = (runId: string, action: RoutineAction) =>
  api<{ boardId: string; error?: string }[]>('POST', `/api/routines/${runId}/phase`, { action });
export const renameGroup = (runId: string, boardId: string, name: string) =>
  api<RoutineRun>('PATCH', `/api/routines/${runId}/groups/${boardId}`, { name });
export const keepAsTemplate = (boardId: string, title: string) =>
  api<TemplateSummary>('POST', '/api/templates', { boardId, title });
