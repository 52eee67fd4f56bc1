import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
import { PencilToken } from './PencilToken';
import type { AskPencil } from './PencilViews';
import { clock } from './PencilViews';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';
import { useControllerState } from './useControllerState';

const TIMERS: (number | null)[] = [null, 60, 90, 120, 180];

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
  const t = useT();
  useControllerState(controller, ['pencil', 'seats', 'participants']);
  const [open, setOpen] = usePanelOpen('pencil');
  const pencil = controller.pencil();
  if (!allowed) return null;
  const button = (
    <TableAction
      name={t('pencil.title')}
      icon={<PencilToken size={30} />}
      label={pencil.mode === 'pencil' ? t('pencil.titleOn') : t('pencil.title')}
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
      <Sheet
        className="pencil-controls"
        label={t('pencil.controls')}
        onClose={() => setOpen(false)}
      >
        <PanelHeader onClose={() => setOpen(false)}>
          <PencilToken size={30} /> {t('pencil.title')}
        </PanelHeader>
        <fieldset className="segmented" aria-label={t('pencil.whoDraws')}>
          <button
            type="button"
            aria-pressed={pencil.mode === 'open'}
            onClick={() => ask({ type: 'setMode', mode: 'open' })}
          >
            {t('pencil.everyone')}
          </button>
          <button
            type="button"
            aria-pressed={pencil.mode === 'pencil'}
            onClick={() => ask({ type: 'setMode', mode: 'pencil' })}
          >
            {t('pencil.holderOnly')}
          </button>
        </fieldset>
        <fieldset className="segmented" aria-label={t('pencil.turnTimer')}>
          {TIMERS.map((seconds) => (
            <button
              key={seconds ?? 'none'}
              type="button"
              aria-pressed={pencil.turnSeconds === seconds}
              onClick={() => ask({ type: 'setTimer', seconds, autoPass: pencil.autoPass })}
            >
              {seconds === null ? t('pencil.noTimer') : clock(seconds)}
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
          {t('pencil.autoPass')}
        </label>
        {pencil.mode === 'pencil' && (
          <div className="give">
            <span>{t('pencil.giveTo')}</span>
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
              {t('pencil.takeBack')}
            </button>
          </div>
        )}
      </Sheet>
    </>
  );
}
