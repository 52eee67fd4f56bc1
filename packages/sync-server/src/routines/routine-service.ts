import {
  BUILT_IN_TEMPLATES,
  blueprintsOfSnapshot,
  builtInTemplate,
  createId,
  openBoard,
  type RoutineAction,
  type RoutineRun,
  type RoutineSettings,
  type RoutineTemplate,
  startRoutineState,
  templateSnapshot,
} from '@roundtable/shared';
import * as Y from 'yjs';
import type { BoardAdmin } from '../boards/board-admin';
import type { Rooms } from '../rooms/rooms';
import type { RunStore } from './run-store';
import type { TemplateStore } from './template-store';

/** What the librarian's picker lists: built-in routines first, then boards kept as templates. */
export type TemplateSummary = Omit<RoutineTemplate, 'content'> & { saved: boolean };

const summary = (template: RoutineTemplate, saved: boolean): TemplateSummary => {
  const { content, ...rest } = template;
  return { ...rest, saved };
};

/** "Group A · Think – Pair – Share", within the 120 characters a board title may have. */
const groupBoardTitle = (group: string, routine: string) => `${group} · ${routine}`.slice(0, 120);

/** Group names when the librarian asks for a number of groups: Group A, Group B, … */
export const defaultGroupNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `Group ${String.fromCharCode(65 + i)}`);

/**
 * Routines for the librarian: the template catalogue, starting one on a board or for several
 * groups at once, moving every group's routine along together, and keeping boards as templates.
 */
export class RoutineService {
  constructor(
    private readonly admin: BoardAdmin,
    private readonly rooms: Rooms,
    private readonly templates: TemplateStore,
    private readonly runs: RunStore,
  ) {}

  catalog(): TemplateSummary[] {
    return [
      ...BUILT_IN_TEMPLATES.map((t) => summary(t, false)),
      // Listing reads no snapshots: the content is read when one is used.
      ...this.templates.list().map((t) => summary(this.savedAsTemplate(t), true)),
    ];
  }

  /** A saved board as a template: its content, no phases (a plain starting board). */
  private savedAsTemplate(saved: { id: string; title: string }): RoutineTemplate {
    return {
      id: saved.id,
      title: saved.title,
      summary: 'A board the librarian kept as a template.',
      phases: [],
      votesPerParticipant: null,
      prompt: null,
      content: () => {
        const stored = this.templates.get(saved.id);
        return stored ? blueprintsOfSnapshot(stored.snapshot) : [];
      },
    };
  }

  template(id: string): RoutineTemplate | null {
    const builtIn = builtInTemplate(id);
    if (builtIn) return builtIn;
    const saved = this.templates.get(id);
    return saved ? this.savedAsTemplate(saved) : null;
  }

  /** Puts the routine on an existing board. */
  startOnBoard(
    boardId: string,
    template: RoutineTemplate,
    prompt: string | null,
    settings: RoutineSettings = {},
  ): void {
    const text = prompt ?? template.prompt?.default ?? '';
    this.admin.startRoutine(
      boardId,
      startRoutineState(template, null, settings),
      template.content(text),
    );
  }

  /** One new board per group, each with the routine started on it. */
  startRun(
    template: RoutineTemplate,
    prompt: string | null,
    groupNames: string[],
    settings: RoutineSettings = {},
  ): RoutineRun {
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
      const boardId = this.admin.create(groupBoardTitle(name, template.title));
      this.admin.startRoutine(boardId, startRoutineState(template, run.id, settings), content);
      run.groups.push({ name, boardId });
    }
    this.runs.add(run);
    return run;
  }

  run(id: string): RoutineRun | null {
    return this.runs.get(id);
  }

  recentRuns(): RoutineRun[] {
    return this.runs.list(20);
  }

  /**
   * The same step for every group (the librarian's start / pause / next from the overview),
   * at the same instant, so every group's clock shows the same time.
   */
  runAction(run: RoutineRun, action: RoutineAction): { boardId: string; error?: string }[] {
    const now = Date.now();
    return run.groups.map(({ boardId }) => {
      // Opening a deleted group's board would bring it back empty.
      if (!this.rooms.exists(boardId)) return { boardId, error: 'this group’s board was deleted' };
      const outcome = this.admin.routineAction(boardId, action, now);
      return outcome.ok ? { boardId } : { boardId, error: outcome.error };
    });
  }

  renameGroup(run: RoutineRun, boardId: string, name: string): boolean {
    if (!this.runs.renameGroup(run.id, boardId, name)) return false;
    if (this.rooms.exists(boardId)) this.admin.rename(boardId, groupBoardTitle(name, run.title));
    return true;
  }

  /** Keeps a board's content as a template the librarian can start again. */
  saveTemplate(boardId: string, title: string): TemplateSummary | null {
    const snapshot = this.rooms.snapshot(boardId);
    if (!snapshot) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const id = `saved-${createId(10)}`;
    this.templates.add({
      id,
      title,
      boardId,
      createdAt: Date.now(),
      snapshot: templateSnapshot(openBoard(doc)),
    });
    doc.destroy();
    return summary(this.savedAsTemplate({ id, title }), true);
  }

  deleteTemplate(id: string): boolean {
    return this.templates.delete(id);
  }
}
