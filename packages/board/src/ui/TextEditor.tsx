import { boardToScreen } from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { useControllerState } from './useControllerState';

/** A textarea laid over the note or text being typed, turned and zoomed like it. */
export function TextEditor({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['editing', 'camera']);
  const element = controller.editingId
    ? controller.board.elements.get(controller.editingId)
    : undefined;
  if (!element || (element.type !== 'note' && element.type !== 'text')) return null;
  const { zoom } = controller.camera;
  const at = boardToScreen(controller.camera, element);
  const isNote = element.type === 'note';
  return (
    <textarea
      key={element.id}
      // Keyed by element, so this runs once per note opened: focus it for typing.
      ref={(node) => node?.focus()}
      className={`text-editor ${isNote ? 'is-note' : ''}`}
      aria-label={isNote ? 'Sticky note text' : 'Text'}
      defaultValue={element.text}
      maxLength={isNote ? 2000 : 10000}
      style={{
        left: at.x,
        top: at.y,
        width: element.w * zoom,
        height: isNote ? element.h * zoom : undefined,
        minHeight: element.fontSize * 1.6 * zoom,
        fontSize: element.fontSize * zoom,
        padding: isNote ? 16 * zoom : 0,
        background: isNote ? element.color : 'rgba(255,255,255,0.85)',
        color: isNote ? '#1f2a44' : element.color,
        transform: `rotate(${element.rotation}deg)`,
      }}
      onChange={(event) => controller.editText(event.target.value)}
      onBlur={() => controller.finishEditing()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') controller.finishEditing();
      }}
    />
  );
}
