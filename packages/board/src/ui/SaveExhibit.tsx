import { useState } from 'react';
import type { BoardController } from '../controller/controller';
import { saveExhibit } from '../gallery/exhibits-api';
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
      name="Save as exhibit"
      icon={<Icon name="frame" />}
      label="Save as exhibit"
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
      <Sheet className="save-exhibit" label="Save as exhibit">
        <PanelHeader onClose={() => setOpen(false)}>Save as exhibit</PanelHeader>
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
                text: `“${saved.title}” is in the gallery now.`,
              });
              setOpen(false);
              setTitle('');
            } catch (caught) {
              setError(`It could not be saved: ${(caught as Error).message}.`);
            } finally {
              setBusy(false);
            }
          }}
        >
          <input
            aria-label="Title"
            placeholder="Title"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <input
            aria-label="Group"
            placeholder="Group (e.g. Group A)"
            value={group}
            maxLength={60}
            onChange={(e) => setGroup(e.currentTarget.value)}
          />
          <textarea
            aria-label="Description"
            placeholder="What did they make?"
            value={description}
            maxLength={2000}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <input
            aria-label="Made by"
            placeholder="Made by (names, separated by commas)"
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
            {busy ? 'Saving…' : 'Save to the gallery'}
          </button>
        </form>
      </Sheet>
    </>
  );
}
