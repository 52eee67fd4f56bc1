import type { BoardController } from '../controller/controller';
import { INK_COLORS, NOTE_COLORS, PEN_WIDTHS, type ToolId } from '../controller/tools';
import { ImageButtons } from './ImageButtons';
import { Icon } from './icons';
import { useControllerState } from './useControllerState';

const TOOLS: { id: ToolId; label: string; tableOnly?: boolean }[] = [
  { id: 'pen', label: 'Pen' },
  { id: 'highlighter', label: 'Highlighter' },
  { id: 'eraser', label: 'Eraser' },
  { id: 'rect', label: 'Rectangle' },
  { id: 'ellipse', label: 'Ellipse' },
  { id: 'line', label: 'Line' },
  { id: 'arrow', label: 'Arrow' },
  { id: 'note', label: 'Sticky note' },
  { id: 'text', label: 'Text' },
  { id: 'select', label: 'Select' },
  { id: 'hand', label: 'Move the board', tableOnly: true },
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
            aria-label={t.label}
            title={t.label}
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
