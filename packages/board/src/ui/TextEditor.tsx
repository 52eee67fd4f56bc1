import {
  boardToScreen,
  NOTE_INK,
  NOTE_PADDING,
  NOTE_TEXT_LIMIT,
  TEXT_LIMIT,
} from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { t } from '../i18n';
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
      aria-label={isNote ? t('text.noteLabel') : t('text.label')}
      defaultValue={element.text}
      maxLength={isNote ? NOTE_TEXT_LIMIT : TEXT_LIMIT}
      style={{
        left: at.x,
        top: at.y,
        width: element.w * zoom,
        height: isNote ? element.h * zoom : undefined,
        minHeight: element.fontSize * 1.6 * zoom,
        fontSize: element.fontSize * zoom,
        padding: isNote ? NOTE_PADDING * zoom : 0,
        background: isNote ? element.color : 'rgba(255,255,255,0.85)',
        color: isNote ? NOTE_INK : element.color,
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
