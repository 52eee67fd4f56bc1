import { type Board, joinAsTablet, type ParticipantRecord } from '@roundtable/shared';
import { ToolChoiceController } from './tool-choice';
import { INK_COLORS } from './tools';
import type { ControllerOptions } from './types';

/** Who this device is on the board: a tablet's participant record, name and colour. */
export class IdentityController extends ToolChoiceController {
  constructor(board: Board, options: ControllerOptions) {
    super(board, options);
    board.participants.observe(this.syncParticipant);
    this.syncParticipant();
  }

  /**
   * This tablet's place among the board's participants, once it has joined with its key (a
   * record from before device keys does not count: joining again claims it).
   */
  participant(): ParticipantRecord | undefined {
    const me = this.board.participants.get(this.device.id);
    return me && me.keyHash === this.deviceKeyHash ? me : undefined;
  }

  /** A tablet joins (or renames itself): its name and colour go with its ink. */
  join(name: string, color: string): void {
    this.perform(joinAsTablet, {
      id: this.device.id,
      name,
      color,
      keyHash: this.deviceKeyHash,
    });
    this.changeSettings(undefined, { color });
  }

  private readonly syncParticipant = () => {
    const me = this.participant();
    this.device.name = me?.name ?? (this.layout === 'table' ? 'Table' : '');
    this.device.color = me?.color ?? INK_COLORS[0]!;
    this.emit('participants');
  };

  override destroy(): void {
    this.board.participants.unobserve(this.syncParticipant);
    super.destroy();
  }
}
