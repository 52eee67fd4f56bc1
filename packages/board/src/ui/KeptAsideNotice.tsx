import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardController } from '../controller/controller';
import { useT } from '../i18n';
import type { ConnectionStatus } from '../sync/board-connection';
import {
  addedAgainMessage,
  type BoardRules,
  type KeptRecord,
  keptAsideMessage,
  mergeKept,
  reconcileKept,
  splitByRules,
} from '../sync/kept-aside';
import { addAgain, loadKept, saveKept, serverStateVector } from '../sync/offline-merge';
import { useControllerState } from './useControllerState';
import './KeptAsideNotice.css';

/** How soon to ask the server whether records added again have arrived, and how often. */
const CONFIRM_AFTER_MS = 2000;
const CONFIRM_TRIES = 5;

const rulesOf = (controller: BoardController): BoardRules => ({
  pencil: controller.pencil(),
  locked: controller.locked(),
});

/**
 * Work this device kept aside when the server refused a change of its (see
 * `sync/offline-merge.ts`). Once the board is back from the server, what the rules allow goes
 * on again by itself; the rest stays here, in localStorage, with a plain word on why and a
 * button to add it once allowed (the talking pencil came, the board was unlocked).
 */
export function KeptAsideNotice({
  controller,
  boardId,
  status,
}: {
  controller: BoardController;
  boardId: string;
  status: ConnectionStatus;
}) {
  const t = useT();
  useControllerState(controller, ['pencil', 'seats', 'participants']);
  // Shown once the server said what it has: until then, what is stored stays stored.
  const [aside, setAside] = useState<readonly KeptRecord[]>([]);
  const busy = useRef(false);
  const confirmTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tries = useRef(0);
  const statusNow = useRef(status);
  statusNow.current = status;

  /** Asks the server again soon whether what was added again has arrived. */
  const confirmLater = useCallback(() => {
    if (confirmTimer.current) clearTimeout(confirmTimer.current);
    confirmTimer.current = setTimeout(() => {
      if (statusNow.current === 'connected') void reconcile.current();
    }, CONFIRM_AFTER_MS);
  }, []);

  /** Drops what the server has, adds again what the rules allow (once), keeps the rest. */
  const reconcile = useRef(async (): Promise<void> => {});
  reconcile.current = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      if (loadKept(boardId).records.length === 0) {
        setAside([]);
        return;
      }
      const server = await serverStateVector(boardId);
      if (!server) return;
      const kept = loadKept(boardId);
      const { onBoard, missing } = reconcileKept(kept.records, server, (id) =>
        controller.board.elements.get(id),
      );
      let pending = onBoard;
      let stillAside = missing;
      let autoAddedAt = kept.autoAddedAt;
      if (kept.auto) {
        const { allowed, blocked } = splitByRules(missing, rulesOf(controller));
        if (allowed.length > 0) {
          pending = [...pending, ...addAgain(controller, allowed)];
          stillAside = blocked;
          autoAddedAt = Date.now();
          controller.setNotice({
            kind: 'info',
            text: addedAgainMessage(allowed.map((item) => item.record)),
          });
        }
      }
      saveKept(boardId, { records: [...pending, ...stillAside], auto: false, autoAddedAt });
      setAside(stillAside);
      // What was added again stays kept until the server has it.
      if (pending.length > 0 && tries.current < CONFIRM_TRIES) {
        tries.current++;
        confirmLater();
      }
    } catch {
      // Storage refused the write: what is stored stays as it was.
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    if (status !== 'connected') return;
    tries.current = 0;
    void reconcile.current();
  }, [status]);
  useEffect(
    () => () => {
      if (confirmTimer.current) clearTimeout(confirmTimer.current);
    },
    [],
  );

  if (aside.length === 0) return null;
  const { allowed, blocked, reason } = splitByRules(aside, rulesOf(controller));
  const add = () => {
    const { allowed: now, blocked: later } = splitByRules(aside, rulesOf(controller));
    if (now.length === 0) return;
    const added = addAgain(controller, now);
    try {
      const kept = loadKept(boardId);
      saveKept(boardId, { ...kept, records: mergeKept(kept.records, added) });
    } catch {
      // They are on the board now; the device's offline copy keeps them.
    }
    setAside(later);
    tries.current = 0;
    confirmLater();
  };
  const holder =
    reason?.kind === 'pencil' && reason.holderId !== null
      ? controller.nameOf(reason.holderId)
      : null;
  const text =
    allowed.length > 0
      ? keptAsideMessage(
          allowed.map((item) => item.record),
          null,
          null,
        )
      : keptAsideMessage(
          blocked.map((item) => item.record),
          reason,
          holder,
        );
  return (
    <section className="kept-aside" aria-label={t('kept.label')} data-testid="kept-aside">
      <span role="status">{text}</span>
      {allowed.length > 0 && (
        <button type="button" className="kept-aside-add" onClick={add}>
          {t('kept.addIt', { count: allowed.length })}
        </button>
      )}
    </section>
  );
}
