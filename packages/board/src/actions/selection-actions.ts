import type { BoardController } from '../controller/controller';
import { type MessageId, t } from '../i18n';
import type { Action, ActionTarget } from './action';

const hasSelection = ({ controller }: ActionTarget) => controller.selection.size > 0;

/** Something done to what is selected (by this device's user), usable while there is some. */
const onSelection = (
  name: string,
  message: MessageId,
  icon: string,
  perform: (controller: BoardController) => void,
  keyTest?: Action['keyTest'],
): Action => ({
  name,
  get label() {
    return t(message);
  },
  icon,
  keyTest,
  predicate: hasSelection,
  perform: ({ controller }) => perform(controller),
});

export const deleteAction = onSelection(
  'delete',
  'selection.delete',
  'trash',
  (c) => c.deleteSelection(),
  ({ key }) => key === 'delete' || key === 'backspace',
);
export const duplicateAction = onSelection('duplicate', 'selection.duplicate', 'copy', (c) =>
  c.duplicateSelection(),
);
export const bringToFrontAction = onSelection('bringToFront', 'selection.front', 'front', (c) =>
  c.bringSelectionToFront(),
);
export const sendToBackAction = onSelection('sendToBack', 'selection.back', 'back', (c) =>
  c.sendSelectionToBack(),
);

/** Escape lets go of what is selected. */
export const deselectAction: Action = {
  name: 'deselect',
  get label() {
    return t('action.deselect');
  },
  keyTest: ({ key }) => key === 'escape',
  predicate: hasSelection,
  perform: ({ controller }) => controller.select([]),
};
