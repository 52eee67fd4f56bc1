import type { Board, Command } from '@roundtable/shared';
import { Actor } from './actor';
import type { ToolSettings } from './tools';
import type { Change, ControllerOptions, Layout, Notice } from './types';

/**
 * The first layer of `BoardController` (each section is a layer, from the view up to the
 * input, see controller.ts): the board, this device's own user, and change notification.
 */
export class ControllerBase {
  readonly layout: Layout;
  protected readonly deviceKeyHash: string;
  /** This device's user: everything on a tablet, and the table's own controls. */
  readonly device: Actor;
  notice: Notice | null = null;
  private readonly listeners = new Set<(change: Change) => void>();

  constructor(
    readonly board: Board,
    options: ControllerOptions,
  ) {
    this.layout = options.layout;
    this.deviceKeyHash = options.deviceKeyHash ?? '';
    this.device = new Actor(options.actorId, board, 0, {}, () => this.emit('history'));
  }

  /** This device's tools (a seat's are `actor(seatId).settings`). */
  get settings(): ToolSettings {
    return this.device.settings;
  }

  get actorId(): string {
    return this.device.id;
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  setNotice(notice: Notice | null): void {
    this.notice = notice;
    this.emit('notice');
  }

  /** Runs a command as this device's user (see Actor.perform). */
  perform<Args, Result>(
    command: Command<Args, Result>,
    args: Args,
    options: { sameUndoStep?: boolean } = {},
  ): Result {
    return this.device.perform(command, args, options);
  }

  get canUndo(): boolean {
    return this.device.canUndo;
  }

  get canRedo(): boolean {
    return this.device.canRedo;
  }

  destroy(): void {
    this.device.destroy();
    this.listeners.clear();
  }
}
