import type { SeatRecord } from '@roundtable/shared';
import { redoAction, undoAction } from '../../actions/history-actions';
import { TOOL_ACTIONS } from '../../actions/register';
import type { BoardController } from '../../controller/controller';
import { colourName } from '../../controller/palette';
import { PEN_WIDTHS } from '../../controller/tools';
import { t } from '../../i18n';
import { ActionButton } from '../ActionButton';
import { FileButton } from '../ImageButtons';
import { Icon } from '../icons';
import type { AskPencil } from '../PencilViews';
import { isToolId, WIDTH_NAMES } from '../tool-catalog';

/** Which of a seat's panels is open: what "more" hid, or its colours and widths. */
export type SeatPanel = 'more' | 'colours' | null;

export interface SeatControlProps {
  controller: BoardController;
  seat: SeatRecord;
  ask: AskPencil;
  /** The seat's tools are paused (someone else has the pencil, or this screen cannot act for seats). */
  paused: boolean;
  panel: SeatPanel;
  setPanel: (panel: SeatPanel) => void;
}

/** The next width along (thin, medium, thick, thin…). */
const nextWidth = (width: number) =>
  PEN_WIDTHS[(PEN_WIDTHS.indexOf(width as (typeof PEN_WIDTHS)[number]) + 1) % PEN_WIDTHS.length]!;

/** A width's name ("Medium"). */
export const widthName = (width: number) =>
  WIDTH_NAMES[PEN_WIDTHS.indexOf(width as (typeof PEN_WIDTHS)[number])] ?? `${width}`;

/**
 * One control of a seat's toolbar, by its id in the layout (`seatBarItems`): a tool, the
 * seat's colour, the colour panel, the width, a picture, moving the board, undo and redo.
 * Its label names the seat ("Pen for Fox"), so every seat's controls are told apart.
 */
export function SeatControl({
  id,
  size,
  ...props
}: SeatControlProps & { id: string; size: number }) {
  const { controller, seat, ask, paused, panel, setPanel } = props;
  const { color, width } = controller.actor(seat.id).settings;
  const named = (label: string) => t('seat.control', { label, name: seat.name });
  const style = { width: size, minWidth: size };
  const target = { controller, actorId: seat.id };
  if (isToolId(id)) {
    const action = TOOL_ACTIONS[id];
    return (
      <ActionButton
        action={action}
        target={target}
        label={named(action.label)}
        style={style}
        tool={id}
        disabled={paused}
        onDone={() => panel === 'more' && setPanel(null)}
      />
    );
  }
  switch (id) {
    case 'name':
      return (
        <span className="seat-name" style={{ ...style, background: seat.color }} title={seat.name}>
          {seat.name}
        </span>
      );
    case 'raise-hand': {
      const raised = controller.pencil().queue.includes(seat.id);
      return (
        <button
          type="button"
          className={`tool raise-hand${raised ? ' raised' : ''}`}
          style={style}
          aria-label={
            raised
              ? t('seat.lowerHand', { name: seat.name })
              : t('seat.raiseHand', { name: seat.name })
          }
          aria-pressed={raised}
          onClick={() => ask({ type: raised ? 'lowerHand' : 'raiseHand', who: seat.id })}
        >
          <Icon name="hand" />
        </button>
      );
    }
    case 'move': {
      const moving = controller.moving(seat.id);
      return (
        <button
          type="button"
          className="tool"
          style={style}
          aria-label={named(t('seat.moveBoard'))}
          title={t('seat.moveOnce')}
          aria-pressed={moving}
          data-tool="hand"
          onClick={() => controller.toggleMove(seat.id)}
        >
          <Icon name="move" />
        </button>
      );
    }
    case 'picture':
      return (
        <span className="control-slot" style={style}>
          <FileButton
            controller={controller}
            label={named(t('seat.addPicture'))}
            icon="image"
            actorId={seat.id}
            disabled={paused}
          />
        </span>
      );
    case 'seat-colour':
      return (
        <button
          type="button"
          className="swatch"
          style={{ ...style, background: seat.color }}
          aria-label={named(t('seat.ownColour', { name: seat.name }))}
          title={t('seat.ownColour', { name: seat.name })}
          aria-pressed={color === seat.color}
          onClick={() => controller.setColor(seat.color, seat.id)}
        />
      );
    case 'colours':
      return (
        <button
          type="button"
          className="tool colours-button"
          style={style}
          aria-label={named(t('seat.colours'))}
          title={t('seat.coloursNow', { colour: colourName(color) })}
          aria-expanded={panel === 'colours'}
          onClick={() => setPanel(panel === 'colours' ? null : 'colours')}
        >
          <span
            className="colour-wheel"
            style={{
              background: `linear-gradient(${color}, ${color}) padding-box, conic-gradient(#e03131, #fcc419, #2f9e44, #1971c2, #9c36b5, #e03131) border-box`,
            }}
          />
        </button>
      );
    case 'width':
      return (
        <button
          type="button"
          className="tool"
          style={style}
          aria-label={named(t('seat.width'))}
          title={t('seat.widthNow', { width: widthName(width) })}
          data-width={width}
          onClick={() => controller.setWidth(nextWidth(width), seat.id)}
        >
          <span
            className="width-dot"
            style={{ width: width + 4, height: width + 4, background: color }}
          />
        </button>
      );
    case 'undo':
    case 'redo': {
      const action = id === 'undo' ? undoAction : redoAction;
      return (
        <ActionButton action={action} target={target} label={named(action.label)} style={style} />
      );
    }
    case 'more':
      return (
        <button
          type="button"
          className="tool more-button"
          style={style}
          aria-label={named(t('seat.more'))}
          title={t('seat.more')}
          aria-expanded={panel === 'more'}
          onClick={() => setPanel(panel === 'more' ? null : 'more')}
        >
          <Icon name="more" />
        </button>
      );
    default:
      return null;
  }
}
