import type { ToolId } from '../controller/tools';
import { TOOL_LABELS } from '../ui/tool-catalog';
import { type Action, actorOf } from './action';

/** Choosing a tool: its label is the tool catalogue's, its icon the tool's own. */
export function toolAction(tool: ToolId): Action {
  return {
    name: `tool.${tool}`,
    get label() {
      return TOOL_LABELS[tool];
    },
    icon: tool,
    pressed: (target) => actorOf(target).settings.tool === tool,
    perform: ({ controller, actorId }) => controller.setTool(tool, actorId),
  };
}
