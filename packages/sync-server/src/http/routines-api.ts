import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  boardTitleSchema,
  isBoardId,
  type Locale,
  localeSchema,
  matchLocale,
  publishRun,
  ROUTINE_ACTIONS,
  type RoutineAction,
  type RoutineStartedReply,
  type ServerTimeReply,
  settingsProblem,
} from '@roundtable/shared';
import { z } from 'zod';
import type { Librarian } from '../auth/librarian';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import type { RoutineService } from '../routines/routine-service';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const BOARD_ROUTINE = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/routine$/;
const TEMPLATE = /^\/api\/templates\/([A-Za-z0-9_-]{1,64})$/;
const RUN = /^\/api\/routines\/([A-Za-z0-9_-]{1,64})(\/phase|\/groups\/([A-Za-z0-9_-]{1,64}))?$/;

const promptSchema = z.string().trim().max(200).optional();

/** `?locale=es` on a listing: the built-in routines' words in that language. */
const queryLocale = (req: IncomingMessage): Locale | undefined =>
  matchLocale(new URL(req.url ?? '/', 'http://x').searchParams.get('locale') ?? '');
const groupNameSchema = z.string().trim().min(1).max(40);
/** Phase lengths and the dot budget the librarian set when starting (checked per template). */
const settingsFields = {
  /** The language the librarian starts it in: the template's words are in it. */
  locale: localeSchema.optional(),
  phaseSeconds: z.array(z.number().nullable()).max(12).optional(),
  votesPerParticipant: z.number().optional(),
};
const startSchema = z.strictObject({
  templateId: z.string().max(64),
  prompt: promptSchema,
  ...settingsFields,
});
const runSchema = z.strictObject({
  templateId: z.string().max(64),
  prompt: promptSchema,
  ...settingsFields,
  groups: z
    .array(groupNameSchema)
    .min(1)
    .max(12)
    .refine((names) => new Set(names).size === names.length, 'group names must differ'),
});
const actionSchema = z.strictObject({
  action: z.enum(ROUTINE_ACTIONS as [RoutineAction, ...RoutineAction[]]),
});

/**
 * Routines: `GET /api/time` (the server's clock, for shared countdowns; anyone);
 * `GET /api/routines/<runId>` (a group run; anyone, so a tablet can change group); and for the
 * librarian: `GET|POST /api/templates`, `DELETE /api/templates/<id>`,
 * `POST /api/boards/<id>/routine`, `GET|POST /api/routines`, `POST /api/routines/<id>/phase`,
 * `PATCH /api/routines/<id>/groups/<boardId>`.
 */
export function createRoutinesApi(
  service: RoutineService,
  admin: BoardAdmin,
  librarian: Librarian,
) {
  return async function handleRoutines(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname === '/api/time') {
      if (req.method !== 'GET') sendWrongMethod(res, req, 'GET');
      else sendJson(res, 200, { now: Date.now() } satisfies ServerTimeReply);
      return true;
    }
    const boardRoutine = BOARD_ROUTINE.exec(pathname);
    const template = TEMPLATE.exec(pathname);
    const run = RUN.exec(pathname);
    const routes =
      pathname === '/api/templates' ||
      pathname === '/api/routines' ||
      boardRoutine ||
      template ||
      run;
    if (!routes) return false;

    // A group run is readable by anyone: its tablets list the groups to move between.
    if (run && !run[2] && req.method === 'GET') {
      const found = await service.run(run[1]!);
      if (!found) sendError(res, 404, { code: 'noRun' });
      else sendJson(res, 200, publishRun(found));
      return true;
    }
    if (!librarian.isSignedIn(req.headers.cookie)) {
      sendError(res, 403, { code: 'librarianRunsRoutine' });
      return true;
    }
    const body =
      req.method === 'POST' || req.method === 'PATCH' ? await readJsonBody(req, 8192) : null;

    if (pathname === '/api/templates') {
      if (req.method === 'GET') sendJson(res, 200, await service.catalog(queryLocale(req)));
      else if (req.method === 'POST') {
        const boardId =
          typeof body?.boardId === 'string' && isBoardId(body.boardId) ? body.boardId : '';
        const title = boardTitleSchema.min(1).max(80).safeParse(body?.title);
        if (!title.success)
          sendError(res, 400, {
            code: 'badRequest',
            send: '{"boardId":"…","title":"…"} (a title of 1–80 characters)',
          });
        else {
          const saved = admin.exists(boardId)
            ? await service.saveTemplate(boardId, title.data)
            : null;
          if (!saved) sendError(res, 404, { code: 'noBoard' });
          else {
            log('template_saved', { board: boardId, template: saved.id });
            sendJson(res, 201, saved);
          }
        }
      } else sendWrongMethod(res, req, 'GET', 'POST');
      return true;
    }
    if (template) {
      const id = template[1]!;
      if (req.method !== 'DELETE') sendWrongMethod(res, req, 'DELETE');
      else if (!id.startsWith('saved-') && (await service.template(id))) {
        sendError(res, 400, { code: 'builtInRoutine' });
      } else if (!(await service.deleteTemplate(id)))
        sendError(res, 404, { code: 'noSavedTemplate' });
      else res.writeHead(204).end();
      return true;
    }
    if (boardRoutine) {
      const boardId = boardRoutine[1]!;
      const parsed = startSchema.safeParse(body);
      const chosen = parsed.success
        ? await service.template(parsed.data.templateId, parsed.data.locale)
        : null;
      const problem = parsed.success && chosen ? settingsProblem(chosen, parsed.data) : null;
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else if (!parsed.success)
        sendError(res, 400, {
          code: 'badRequest',
          send: '{"templateId":"…","prompt":"…","phaseSeconds":[…],"votesPerParticipant":3}',
        });
      else if (!chosen) sendError(res, 404, { code: 'noTemplate' });
      else if (problem) sendError(res, 400, problem);
      else if (!admin.exists(boardId)) sendError(res, 404, { code: 'noBoard' });
      else {
        await service.startOnBoard(boardId, chosen, parsed.data.prompt || null, parsed.data);
        sendJson(res, 200, { boardId, templateId: chosen.id } satisfies RoutineStartedReply);
      }
      return true;
    }
    if (pathname === '/api/routines') {
      if (req.method === 'GET') sendJson(res, 200, (await service.recentRuns()).map(publishRun));
      else if (req.method === 'POST') {
        const parsed = runSchema.safeParse(body);
        const chosen = parsed.success
          ? await service.template(parsed.data.templateId, parsed.data.locale)
          : null;
        const problem = parsed.success && chosen ? settingsProblem(chosen, parsed.data) : null;
        if (!parsed.success) {
          sendError(res, 400, {
            code: 'badRequest',
            send: '{"templateId":"…","prompt":"…","groups":["Group A","Group B"]} (1–12 different names)',
          });
        } else if (!chosen) sendError(res, 404, { code: 'noTemplate' });
        else if (problem) sendError(res, 400, problem);
        else {
          const started = await service.startRun(
            chosen,
            parsed.data.prompt || null,
            parsed.data.groups,
            parsed.data,
          );
          log('routine_run_started', { run: started.id, groups: started.groups.length });
          sendJson(res, 201, publishRun(started));
        }
      } else sendWrongMethod(res, req, 'GET', 'POST');
      return true;
    }
    const found = await service.run(run![1]!);
    if (!found) {
      sendError(res, 404, { code: 'noRun' });
      return true;
    }
    if (run![2] === '/phase') {
      const parsed = actionSchema.safeParse(body);
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else if (!parsed.success)
        sendError(res, 400, {
          code: 'badRequest',
          send: `{"action":"${ROUTINE_ACTIONS.join('"|"')}"}`,
        });
      else sendJson(res, 200, await service.runAction(found, parsed.data.action));
      return true;
    }
    if (run![3]) {
      const name = groupNameSchema.safeParse(body?.name);
      if (req.method !== 'PATCH') sendWrongMethod(res, req, 'PATCH');
      else if (!name.success)
        sendError(res, 400, { code: 'badRequest', send: '{"name":"…"} (1–40 characters)' });
      else if (!(await service.renameGroup(found, run![3], name.data)))
        sendError(res, 404, { code: 'notRunGroup' });
      else sendJson(res, 200, publishRun((await service.run(found.id))!));
      return true;
    }
    sendWrongMethod(res, req, 'GET');
    return true;
  };
}
