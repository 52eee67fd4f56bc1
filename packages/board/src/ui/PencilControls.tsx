import type { BoardController } from '../controller/controller';
import { PencilToken } from './PencilToken';
import type { AskPencil } from './PencilViews';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';
import { useControllerState } from './useControllerState';

const TIMERS: [string, number | null][] = [
  ['No timer', null],
  ['1:00', 60],
  ['1:30', 90],
  ['2:00', 120],
  ['3:00', 180],
];

/**
 * The librarian's talking-pencil controls (for now on the table): everyone draws, or only
 * the pencil holder; a turn timer; give the pencil to someone or take it back.
 */
export function PencilControls({
  controller,
  ask,
  allowed,
}: {
  controller: BoardController;
  ask: AskPencil;
  /** Whether this device may run the class (the librarian is signed in, or no PIN is set). */
  allowed: boolean;
}) {
  useControllerState(controller, ['pencil', 'seats', 'participants']);
  const [open, setOpen] = usePanelOpen('pencil');
  const pencil = controller.pencil();
  if (!allowed) return null;
  const button = (
    <TableAction
      name="Talking pencil"
      icon={<PencilToken size={30} />}
      label={`Talking pencil${pencil.mode === 'pencil' ? ': on' : ''}`}
      pressed={pencil.mode === 'pencil'}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  const everyone = [
    ...controller.seats().map((s) => ({ id: s.id, name: s.name })),
    ...[...controller.board.participants.values()].map((p) => ({ id: p.id, name: p.name })),
  ];
  return (
    <>
      {button}
      <Sheet className="pencil-controls" label="Talking pencil controls">
        <PanelHeader onClose={() => setOpen(false)}>
          <PencilToken size={30} /> Talking pencil
        </PanelHeader>
        <fieldset className="segmented" aria-label="Who may draw">
          <button
            type="button"
            aria-pressed={pencil.mode === 'open'}
            onClick={() => ask({ type: 'setMode', mode: 'open' })}
          >
            Everyone draws
          </button>
          <button
            type="button"
            aria-pressed={pencil.mode === 'pencil'}
            onClick={() => ask({ type: 'setMode', mode: 'pencil' })}
          >
            Only the pencil holder
          </button>
        </fieldset>
        <fieldset className="segmented" aria-label="Turn timer">
          {TIMERS.map(([label, seconds]) => (
            <button
              key={label}
              type="button"
              aria-pressed={pencil.turnSeconds === seconds}
              onClick={() => ask({ type: 'setTimer', seconds, autoPass: pencil.autoPass })}
            >
              {label}
            </button>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={pencil.autoPass}
            disabled={pencil.turnSeconds === null}
            onChange={(event) =>
              ask({
                type: 'setTimer',
                seconds: pencil.turnSeconds,
                autoPass: event.currentTarget.checked,
              })
            }
          />
          Pass on by itself when the time is up
        </label>
        {pencil.mode === 'pencil' && (
          <div className="give">
            <span>Give the pencil to</span>
            {everyone.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                aria-pressed={pencil.holderId === p.id}
                onClick={() => ask({ type: 'give', to: p.id })}
              >
                {p.name}
              </button>
            ))}
            <button type="button" className="chip" onClick={() => ask({ type: 'take' })}>
              Take it back
            </button>
          </div>
        )}
      </Sheet>
    </>
  );
}
