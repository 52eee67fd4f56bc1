import { useState } from 'react';
import type { BoardController } from '../controller/controller';
import { saveExhibit } from '../gallery/exhibits-api';
import { t } from '../i18n';
import { Icon } from './icons';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';

/** The librarian keeps a finished board: a title, the group, a few words; saved for good. */
export function SaveExhibit({
  controller,
  boardId,
}: {
  controller: BoardController;
  boardId: string;
}) {
  const [open, setOpen] = usePanelOpen('exhibit');
  const [title, setTitle] = useState('');
  const [group, setGroup] = useState('');
  const [description, setDescription] = useState('');
  const [participants, setParticipants] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = (
    <TableAction
      name={t('exhibit.save')}
      icon={<Icon name="frame" />}
      label={t('exhibit.save')}
      pressed={open}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  // Who made it, prefilled from the seats and tablets; the librarian can correct it.
  const people =
    participants ??
    [
      ...controller.seats().map((s) => s.name),
      ...[...controller.board.participants.values()].map((p) => p.name),
    ].join(', ');
  return (
    <>
      {button}
      <Sheet className="save-exhibit" label={t('exhibit.save')} onClose={() => setOpen(false)}>
        <PanelHeader onClose={() => setOpen(false)}>{t('exhibit.save')}</PanelHeader>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            try {
              const names = people
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean);
              const saved = await saveExhibit({
                boardId,
                title,
                group,
                description,
                participants: names,
              });
              controller.setNotice({
                kind: 'info',
                text: t('exhibit.saved', { title: saved.title }),
              });
              setOpen(false);
              setTitle('');
            } catch (caught) {
              setError(t('exhibit.saveFailed', { reason: (caught as Error).message }));
            } finally {
              setBusy(false);
            }
          }}
        >
          <input
            aria-label={t('exhibit.title')}
            placeholder={t('exhibit.title')}
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <input
            aria-label={t('exhibit.group')}
            placeholder={t('exhibit.groupPlaceholder')}
            value={group}
            maxLength={60}
            onChange={(e) => setGroup(e.currentTarget.value)}
          />
          <textarea
            aria-label={t('exhibit.description')}
            placeholder={t('exhibit.descriptionPlaceholder')}
            value={description}
            maxLength={2000}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <input
            aria-label={t('exhibit.madeBy')}
            placeholder={t('exhibit.madeByPlaceholder')}
            value={people}
            maxLength={600}
            onChange={(e) => setParticipants(e.currentTarget.value)}
          />
          {error && (
            <p className="join-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="pencil-action" disabled={busy || !title.trim()}>
            {busy ? t('exhibit.saving') : t('exhibit.saveToGallery')}
          </button>
        </form>
      </Sheet>
    </>
  );
}
