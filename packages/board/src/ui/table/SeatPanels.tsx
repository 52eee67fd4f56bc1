import { PALETTE } from '../../controller/palette';
import { PEN_WIDTHS } from '../../controller/tools';
import { t } from '../../i18n';
import { WIDTH_NAMES } from '../tool-catalog';
import { SeatControl, type SeatControlProps } from './SeatControl';

/** What a compact toolbar had no room for: the same controls, a tap away. */
export function MorePanel({ hidden, ...props }: SeatControlProps & { hidden: readonly string[] }) {
  return (
    <fieldset className="seat-panel" aria-label={t('seat.moreFor', { name: props.seat.name })}>
      {hidden.map((id) => (
        <SeatControl key={id} id={id} size={48} {...props} />
      ))}
    </fieldset>
  );
}

/**
 * A seat's colours: the palette by name (the seat's own colour among them), any other colour,
 * and the pen's widths. With the select tool, a colour recolours what is selected.
 */
export function ColoursPanel(props: SeatControlProps) {
  const { controller, seat, setPanel } = props;
  const { color, width } = controller.actor(seat.id).settings;
  const choose = (c: string) => {
    controller.setColor(c, seat.id);
    setPanel(null);
  };
  return (
    <fieldset
      className="seat-panel colours-panel"
      aria-label={t('seat.coloursFor', { name: seat.name })}
    >
      {PALETTE.map((p) => (
        <button
          key={p.color}
          type="button"
          className="swatch named"
          style={{ background: p.color }}
          aria-label={t(p.name)}
          title={t(p.name)}
          aria-pressed={color === p.color}
          onClick={() => choose(p.color)}
        />
      ))}
      <label className="custom-colour" title={t('seat.anyColour')}>
        <input
          type="color"
          aria-label={t('seat.anyColourFor', { name: seat.name })}
          value={color}
          onChange={(event) => controller.setColor(event.currentTarget.value, seat.id)}
        />
      </label>
      <span className="seat-panel-divider" />
      {PEN_WIDTHS.map((w, i) => (
        <button
          key={w}
          type="button"
          className="tool"
          aria-label={WIDTH_NAMES[i]}
          title={WIDTH_NAMES[i]}
          aria-pressed={width === w}
          onClick={() => controller.setWidth(w, seat.id)}
        >
          <span className="width-dot" style={{ width: w + 4, height: w + 4, background: color }} />
        </button>
      ))}
    </fieldset>
  );
}
