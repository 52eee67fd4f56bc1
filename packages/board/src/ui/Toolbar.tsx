import type { BoardController } from '../controller/controller';
import { INK_COLORS, NOTE_COLORS, PEN_WIDTHS, type ToolId } from '../controller/tools';
import { ImageButtons } from './ImageButtons';
import { Icon } from './icons';
import { DRAWING_TOOLS, TOOL_LABELS } from './tool-catalog';
import { useControllerState } from './useControllerState';

/** The tablet's and the unseated table's tools; the table's also moves the board. */
const TOOLS: { id: ToolId; tableOnly?: boolean }[] = [
  ...DRAWING_TOOLS.map((id) => ({ id })),
  { id: 'hand', tableOnly: true },
];

/** Tools, colours, widths, undo and redo: big targets a finger hits from any side. */
export function Toolbar({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['tool', 'history']);
  const { tool, color, width, noteColor } = controller.settings;
  const colors = tool === 'note' ? NOTE_COLORS : INK_COLORS;
  const activeColor = tool === 'note' ? noteColor : color;
  return (
    <nav className="toolbar" aria-label="Tools">
      <div className="toolbar-group">
        {TOOLS.filter((t) => !t.tableOnly || controller.layout === 'table').map((t) => (
          <button
            key={t.id}
            type="button"
            className="tool"
            aria-label={TOOL_LABELS[t.id]}
            title={TOOL_LABELS[t.id]}
            aria-pressed={tool === t.id}
            data-tool={t.id}
            onClick={() => controller.setTool(t.id)}
          >
            <Icon name={t.id} />
          </button>
        ))}
        <ImageButtons controller={controller} />
      </div>
      <div className="toolbar-group">
        {colors.map((c) => (
          <button
            key={c}
            type="button"
            className="swatch"
            aria-label={`Colour ${c}`}
            aria-pressed={activeColor === c}
            style={{ background: c }}
            onClick={() => (tool === 'note' ? controller.setNoteColor(c) : controller.setColor(c))}
          />
        ))}
      </div>
      <div className="toolbar-group">
        {PEN_WIDTHS.map((w) => (
          <button
            key={w}
            type="button"
            className="tool"
            aria-label={`Width ${w}`}
            aria-pressed={width === w}
            onClick={() => controller.setWidth(w)}
          >
            <span
              className="width-dot"
              style={{ width: w + 4, height: w + 4, background: color }}
            />
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          className="tool"
          aria-label="Undo"
          title="Undo"
          disabled={!controller.canUndo}
          onClick={() => controller.undo()}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="tool"
          aria-label="Redo"
          title="Redo"
          disabled={!controller.canRedo}
          onClick={() => controller.redo()}
        >
          <Icon name="redo" />
        </button>
      </div>
    </nav>
  );
}
