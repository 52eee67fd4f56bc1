import { joinCodeFor } from '../join/join-code';
import type { RoutineRun, RunGroup } from '../routines/group-run';
import type { RoutineTemplate } from '../routines/template';
import type { Refusal } from './refusal';

/** What the librarian's picker lists (`GET /api/templates`): a routine without its content. */
export type TemplateSummary = Omit<RoutineTemplate, 'content'> & { saved: boolean };

export function templateSummary(template: RoutineTemplate, saved: boolean): TemplateSummary {
  const { content, ...rest } = template;
  return { ...rest, saved };
}

/** A group as the server hands it out: with the code its tablets type at /join. */
export type PublishedRunGroup = RunGroup & { joinCode: string };
/** A group run as `GET|POST /api/routines` and `GET /api/routines/<id>` reply. */
export type PublishedRun = Omit<RoutineRun, 'groups'> & { groups: PublishedRunGroup[] };

export const publishRun = (run: RoutineRun): PublishedRun => ({
  ...run,
  groups: run.groups.map((g) => ({ ...g, joinCode: joinCodeFor(g.boardId) })),
});

/** `POST /api/routines/<id>/phase`: each group's board, with why it refused if it did. */
export type RunActionReply = { boardId: string; error?: Refusal }[];

/** `POST /api/boards/<id>/routine`. */
export interface RoutineStartedReply {
  boardId: string;
  templateId: string;
}

/** `GET /api/time`: the server's clock (ms since 1970), for shared countdowns. */
export interface ServerTimeReply {
  now: number;
}
