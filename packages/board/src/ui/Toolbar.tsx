import { redoAction, undoAction } from '../actions/history-actions';
import { TOOL_ACTIONS } from '../actions/register';
import type { BoardController } from '../controller/controller';
import { colourName } from '../controller/palette';
import { INK_COLORS, NOTE_COLORS, PEN_WIDTHS, type ToolId } from '../controller/tools';
import { useT } from '../i18n';
import { ActionButton } from './ActionButton';
import { ImageButtons } from './ImageButtons';
import { DRAWING_TOOLS } from './tool-catalog';
import { useControllerState } from './useControllerState';

/** The tablet's and the unseated table's tools; the table's also moves the board. */
const TOOLS: { id: ToolId; tableOnly?: boolean }[] = [
  ...DRAWING_TOOLS.map((id) => ({ id })),
  { id: 'hand', tableOnly: true },
];

/** Tools, colours, widths, undo and redo: big targets a finger hits from any side. */
export function Toolbar({ controller }: { controller: BoardController }) {
  const t = useT();
  useControllerState(controller, ['tool', 'history']);
  const { tool, color, width, noteColor } = controller.settings;
  const colors = tool === 'note' ? NOTE_COLORS : INK_COLORS;
  const activeColor = tool === 'note' ? noteColor : color;
  return (
    <nav className="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        {TOOLS.filter((each) => !each.tableOnly || controller.layout === 'table').map((each) => (
          <ActionButton
            key={each.id}
            action={TOOL_ACTIONS[each.id]}
            target={{ controller }}
            tool={each.id}
          />
        ))}
        <ImageButtons controller={controller} />
      </div>
      <div className="toolbar-group">
        {colors.map((c) => (
          <button
            key={c}
            type="button"
            className="swatch"
            aria-label={colourName(c)}
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
            aria-label={t('toolbar.width', { width: w })}
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
        <ActionButton action={undoAction} target={{ controller }} />
        <ActionButton action={redoAction} target={{ controller }} />
      </div>
    </nav>
  );
}
