import type { ToolId } from '../controller/tools';
import { TOOL_LABELS } from '../ui/tool-catalog';
import type { Action } from './action';
import { redoAction, undoAction } from './history-actions';
import { KEYBOARD_ACTIONS } from './keyboard-actions';
import {
  bringToFrontAction,
  deleteAction,
  deselectAction,
  duplicateAction,
  sendToBackAction,
} from './selection-actions';
import { toolAction } from './tool-actions';
import { VIEW_ACTIONS } from './view-actions';

/** Choosing each tool, by tool id. */
export const TOOL_ACTIONS = Object.fromEntries(
  (Object.keys(TOOL_LABELS) as ToolId[]).map((tool) => [tool, toolAction(tool)]),
) as Readonly<Record<ToolId, Action>>;

/** Every action, once: the toolbars, the seats' toolbars and the keyboard all take theirs here. */
export const ACTIONS: readonly Action[] = [
  ...Object.values(TOOL_ACTIONS),
  undoAction,
  redoAction,
  deleteAction,
  duplicateAction,
  bringToFrontAction,
  sendToBackAction,
  deselectAction,
  ...KEYBOARD_ACTIONS,
  ...VIEW_ACTIONS,
];
