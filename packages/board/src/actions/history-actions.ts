import { t } from '../i18n';
import { type Action, actorOf } from './action';

/** Undoes the actor's own last step (a seat's, or this device's user's): never anyone else's. */
export const undoAction: Action = {
  name: 'undo',
  get label() {
    return t('toolbar.undo');
  },
  icon: 'undo',
  keyTest: ({ key, mod, shift }) => mod && !shift && key === 'z',
  predicate: (target) => actorOf(target).canUndo,
  perform: ({ controller, actorId }) => controller.undo(actorId),
};

export const redoAction: Action = {
  name: 'redo',
  get label() {
    return t('toolbar.redo');
  },
  icon: 'redo',
  keyTest: ({ key, mod, shift }) => mod && ((shift && key === 'z') || key === 'y'),
  predicate: (target) => actorOf(target).canRedo,
  perform: ({ controller, actorId }) => controller.redo(actorId),
};
