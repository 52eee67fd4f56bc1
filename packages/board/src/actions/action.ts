import type { Actor } from '../controller/actor';
import type { BoardController } from '../controller/controller';

/** Whom an action is for: this device's user, or one seat at the table (`actorId`). */
export interface ActionTarget {
  controller: BoardController;
  actorId?: string;
}

/** A key press as the actions read it. */
export interface KeyPress {
  /** `KeyboardEvent.key`, lower case for letters. */
  key: string;
  shift: boolean;
  /** Ctrl, or Cmd on a Mac. */
  mod: boolean;
  alt: boolean;
}

/**
 * One thing a user can do, registered once with everything every place that offers it needs
 * (Excalidraw's actions): the toolbars draw its label and icon, the keyboard finds it by
 * `keyTest`, and running it asks `predicate` first.
 */
export interface Action {
  readonly name: string;
  /** What it is called, in the device's language (read each time it is shown). */
  readonly label: string;
  readonly icon?: string;
  /** The key that runs it, if any. */
  keyTest?(press: KeyPress): boolean;
  /** Whether it can be used now (its button is disabled otherwise). */
  predicate?(target: ActionTarget): boolean;
  /** Whether it is on now (a chosen tool: its button shows pressed). */
  pressed?(target: ActionTarget): boolean;
  /**
   * Does it. What changes the board goes through the controller, whose one guard
   * (`refuseEdit`) turns it down with a notice while the actor may not change the board.
   */
  perform(target: ActionTarget): void;
}

export const actorOf = ({ controller, actorId }: ActionTarget): Actor => controller.actor(actorId);

/** Runs an action for its target if it can be used now. */
export function runAction(action: Action, target: ActionTarget): void {
  if (action.predicate && !action.predicate(target)) return;
  action.perform(target);
}
