import { initBoard, openBoard } from '@roundtable/shared';
import * as Y from 'yjs';
import { BoardController, type Layout } from '../src/controller/controller';
import type { PointerSample } from '../src/controller/input';

/**
 * Drives a BoardController with pointer samples, no browser: the headless board for tool
 * tests (after tldraw's TestEditor).
 */
export class BoardDriver {
  readonly controller: BoardController;
  private nextId = 1;

  constructor(
    layout: Layout = 'tablet',
    readonly doc = new Y.Doc(),
    actorId = 'tester',
  ) {
    const board = openBoard(doc);
    if (!board.meta.has('schema')) initBoard(board, { now: 1 });
    this.controller = new BoardController(board, {
      actorId,
      layout,
      viewport: { width: 1000, height: 800 },
    });
  }

  get board() {
    return this.controller.board;
  }

  sample(x: number, y: number, over: Partial<PointerSample> = {}): PointerSample {
    return { id: 1, kind: 'touch', x, y, width: 12, height: 12, ...over };
  }

  /** One finger (or pen) along a path of screen points. */
  drag(path: readonly [number, number][], over: Partial<PointerSample> = {}): void {
    const id = over.id ?? this.nextId++;
    const [first, ...rest] = path.map(([x, y]) => this.sample(x, y, { ...over, id }));
    this.controller.pointerDown(first!);
    for (const s of rest) this.controller.pointerMove(s);
    this.controller.pointerUp(rest.at(-1) ?? first!);
  }

  tap(x: number, y: number, over: Partial<PointerSample> = {}): void {
    this.drag([[x, y]], over);
  }

  elements() {
    return [...this.board.elements.values()];
  }
}
