import {
  blueprintsOfSnapshot,
  builtInTemplate,
  builtInTemplates,
  createId,
  type Locale,
  openBoard,
  type RoutineAction,
  type RoutineRun,
  type RoutineSettings,
  type RoutineTemplate,
  type RunActionReply,
  refusal,
  startRoutineState,
  type TemplateSummary,
  templateSnapshot,
  templateSummary,
} from '@roundtable/shared';
import * as Y from 'yjs';
import type { BoardAdmin } from '../boards/board-admin';
import type { RunStore } from './run-store';
import type { TemplateStore } from './template-store';

/** "Group A · Think – Pair – Share", within the 120 characters a board title may have. */
const groupBoardTitle = (group: string, routine: string) => `${group} · ${routine}`.slice(0, 120);

/**
 * Routines for the librarian: the template catalogue, starting one on a board or for several
 * groups at once, moving every group's routine along together, and keeping boards as templates.
 */
export class RoutineService {
  constructor(
    private readonly admin: BoardAdmin,
    private readonly templates: TemplateStore,
    private readonly runs: RunStore,
  ) {}

  /** Built-in routines first, then boards kept as templates. */
  async catalog(locale?: Locale): Promise<TemplateSummary[]> {
    return [
      ...builtInTemplates(locale).map((t) => templateSummary(t, false)),
      // Listing reads no snapshots: a summary has no content.
      ...(await this.templates.list()).map((t) =>
        templateSummary(this.savedAsTemplate(t, null), true),
      ),
    ];
  }

  /** A saved board as a template: its content, no phases (a plain starting board). */
  private savedAsTemplate(
    saved: { id: string; title: string },
    snapshot: Uint8Array | null,
  ): RoutineTemplate {
    return {
      id: saved.id,
      title: saved.title,
      summary: 'A board the librarian kept as a template.',
      phases: [],
      votesPerParticipant: null,
      prompt: null,
      content: () => (snapshot ? blueprintsOfSnapshot(snapshot) : []),
    };
  }

  /** A routine by id; a built-in one worded in `locale`. */
  async template(id: string, locale?: Locale): Promise<RoutineTemplate | null> {
    const builtIn = builtInTemplate(id, locale);
    if (builtIn) return builtIn;
    const saved = await this.templates.get(id);
    return saved ? this.savedAsTemplate(saved, saved.snapshot) : null;
  }

  /** Puts the routine on an existing board. */
  startOnBoard(
    boardId: string,
    template: RoutineTemplate,
    prompt: string | null,
    settings: RoutineSettings = {},
  ): Promise<void> {
    const text = prompt ?? template.prompt?.default ?? '';
    return this.admin.startRoutine(
      boardId,
      startRoutineState(template, null, settings),
      template.content(text),
    );
  }

  /** One new board per group, each with the routine started on it. */
  async startRun(
    template: RoutineTemplate,
    prompt: string | null,
    groupNames: string[],
    settings: RoutineSettings = {},
  ): Promise<RoutineRun> {
    const text = prompt ?? template.prompt?.default ?? '';
    const run: RoutineRun = {
      id: createId(10),
      templateId: template.id,
      title: template.title,
      prompt: text,
      createdAt: Date.now(),
      groups: [],
    };
    const content = template.content(text);
    for (const name of groupNames) {
      const boardId = await this.admin.create(groupBoardTitle(name, template.title));
      await this.admin.startRoutine(
        boardId,
        startRoutineState(template, run.id, settings),
        content,
      );
      run.groups.push({ name, boardId });
    }
    await this.runs.add(run);
    return run;
  }

  run(id: string): Promise<RoutineRun | null> {
    return this.runs.get(id);
  }

  recentRuns(): Promise<RoutineRun[]> {
    return this.runs.list(20);
  }

  /**
   * The same step for every group (the librarian's start / pause / next from the overview),
   * at the same instant, so every group's clock shows the same time.
   */
  runAction(run: RoutineRun, action: RoutineAction): Promise<RunActionReply> {
    const now = Date.now();
    // Every group at once: in a cluster their boards may be served by different processes.
    return Promise.all(
      run.groups.map(async ({ boardId }) => {
        // Opening a deleted group's board would bring it back empty.
        if (!this.admin.exists(boardId)) return { boardId, error: refusal('groupBoardDeleted') };
        const outcome = await this.admin.routineAction(boardId, action, now);
        return outcome.ok ? { boardId } : { boardId, error: outcome.error };
      }),
    );
  }

  async renameGroup(run: RoutineRun, boardId: string, name: string): Promise<boolean> {
    if (!(await this.runs.renameGroup(run.id, boardId, name))) return false;
    if (this.admin.exists(boardId))
      await this.admin.rename(boardId, groupBoardTitle(name, run.title));
    return true;
  }

  /** Keeps a board's content as a template the librarian can start again. */
  async saveTemplate(boardId: string, title: string): Promise<TemplateSummary | null> {
    const snapshot = await this.admin.snapshot(boardId);
    if (!snapshot) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const id = `saved-${createId(10)}`;
    await this.templates.add({
      id,
      title,
      boardId,
      createdAt: Date.now(),
      snapshot: templateSnapshot(openBoard(doc)),
    });
    doc.destroy();
    return templateSummary(this.savedAsTemplate({ id, title }, null), true);
  }

  deleteTemplate(id: string): Promise<boolean> {
    return this.templates.delete(id);
  }
}
