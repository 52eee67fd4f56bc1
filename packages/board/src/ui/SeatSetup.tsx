import {
  addSeat,
  MAX_SEATS,
  MIN_SEATS,
  removeSeat,
  SEAT_COLORS,
  SEAT_NAMES,
  type SeatRecord,
  setDefaultSeats,
  TABLE_EDGES,
  updateSeat,
} from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { colourName } from '../controller/palette';
import { t } from '../i18n';
import { Icon } from './icons';
import { PanelHeader, TableAction } from './TablePanel';
import { usePanelOpen } from './table/panel-state';
import { Sheet } from './table/Sheet';
import { useControllerState } from './useControllerState';

const EDGE_NAMES = {
  bottom: 'seats.edge.bottom',
  right: 'seats.edge.right',
  top: 'seats.edge.top',
  left: 'seats.edge.left',
} as const;
const COUNTS = Array.from({ length: MAX_SEATS - MIN_SEATS + 1 }, (_, i) => i + MIN_SEATS);

/**
 * Who is at the table: pick how many students for a ready-made layout, then rename, recolour,
 * move or remove seats. Saved with the board, so every device sees the same seats.
 */
export function SeatSetup({ controller }: { controller: BoardController }) {
  useControllerState(controller, ['seats']);
  const [open, setOpen] = usePanelOpen('seats');
  const seats = controller.seats();
  // Seats are the table's: a screen that is not an enrolled table cannot arrange them.
  if (!controller.speaksForSeats()) return null;
  const button = (
    <TableAction
      name={t('seats.setUp')}
      icon={<Icon name="seats" />}
      label={seats.length === 0 ? t('seats.who') : t('seats.count', { count: seats.length })}
      pressed={open}
      onOpen={() => setOpen(!open)}
    />
  );
  if (!open) return button;
  return (
    <>
      {button}
      <Sheet className="seat-setup" label={t('seats.title')} onClose={() => setOpen(false)}>
        <PanelHeader closeLabel={t('panel.done')} onClose={() => setOpen(false)}>
          {t('seats.title')}
        </PanelHeader>
        <fieldset className="seat-counts" aria-label={t('seats.howMany')}>
          {COUNTS.map((n) => (
            <button
              key={n}
              type="button"
              className="count"
              aria-pressed={seats.length === n}
              onClick={() => controller.perform(setDefaultSeats, n)}
            >
              {n}
            </button>
          ))}
        </fieldset>
        <datalist id="seat-names">
          {SEAT_NAMES.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <ul>
          {seats.map((seat) => (
            <SeatRow key={seat.id} controller={controller} seat={seat} />
          ))}
        </ul>
        <button
          type="button"
          className="add-seat"
          disabled={seats.length >= MAX_SEATS}
          onClick={() => controller.perform(addSeat, { edge: 'left', offset: 0.5 })}
        >
          <Icon name="plus" /> {t('seats.add')}
        </button>
      </Sheet>
    </>
  );
}

function SeatRow({ controller, seat }: { controller: BoardController; seat: SeatRecord }) {
  const change = (changes: Partial<Omit<SeatRecord, 'id'>>) =>
    controller.perform(updateSeat, { id: seat.id, changes });
  const rename = (input: HTMLInputElement) => {
    const name = input.value.trim();
    if (name && name !== seat.name) change({ name });
    else input.value = seat.name;
  };
  return (
    <li className="seat-row" data-seat={seat.id}>
      <input
        aria-label={t('seats.nameOf', { name: seat.name })}
        list="seat-names"
        defaultValue={seat.name}
        maxLength={40}
        onBlur={(event) => rename(event.currentTarget)}
        onKeyDown={(event) => {
          // Enter saves the name at once (and Escape puts the old one back).
          if (event.key === 'Enter') rename(event.currentTarget);
          if (event.key === 'Escape') event.currentTarget.value = seat.name;
        }}
      />
      <div className="seat-colors">
        {SEAT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className="swatch small"
            aria-label={colourName(c)}
            aria-pressed={seat.color === c}
            style={{ background: c }}
            onClick={() => change({ color: c })}
          />
        ))}
      </div>
      <select
        aria-label={t('seats.whereStands', { name: seat.name })}
        value={seat.edge}
        onChange={(event) => change({ edge: event.currentTarget.value as SeatRecord['edge'] })}
      >
        {TABLE_EDGES.map((edge) => (
          <option key={edge} value={edge}>
            {t(EDGE_NAMES[edge])}
          </option>
        ))}
      </select>
      <input
        type="range"
        aria-label={t('seats.position', { name: seat.name })}
        min={0.1}
        max={0.9}
        step={0.05}
        value={seat.offset}
        onChange={(event) => change({ offset: Number(event.currentTarget.value) })}
      />
      <button
        type="button"
        className="tool danger"
        aria-label={t('seats.remove', { name: seat.name })}
        onClick={() => controller.perform(removeSeat, seat.id)}
      >
        <Icon name="trash" />
      </button>
    </li>
  );
}
