import { createId, deviceKeyHash } from '@roundtable/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BoardTextList } from './a11y/BoardTextList';
import { attractAfterMs } from './attract/attract-idle';
import { useAttract } from './attract/useAttract';
import { BoardController, type Notice } from './controller/controller';
import { Slideshow } from './gallery/Slideshow';
import { t } from './i18n';
import { refusalText } from './i18n/refusal-text';
import { chooseLayout } from './layout';
import type { SceneStats } from './render/scene-renderer';
import { RoutineBanner } from './routines/RoutineBanner';
import { useFitOnNewRoutine } from './routines/useFitOnNewRoutine';
import { VoteDots } from './routines/VoteDots';
import {
  type BoardConnection,
  type ConnectionStatus,
  connectBoard,
  deviceKey,
} from './sync/board-connection';
import { mayFacilitate, useLibrarian } from './sync/librarian-session';
import { remoteLiveInk } from './sync/live-ink-presence';
import { authorsOf, keepUnconfirmedWork } from './sync/offline-merge';
import { publishPresence } from './sync/presence';
import { speaksForSeats, tableTrustNotice } from './sync/table-trust';
import { exposeTestHook } from './test-hook/expose';
import { BoardCanvas } from './ui/BoardCanvas';
import { BoardClosed } from './ui/BoardClosed';
import { BoardHeader } from './ui/BoardHeader';
import { JoinSheet } from './ui/JoinSheet';
import { KeptAsideNotice } from './ui/KeptAsideNotice';
import { NoSuchBoard, useBoardMissing } from './ui/NoSuchBoard';
import { NoticeBar } from './ui/NoticeBar';
import { ParticipantsStrip } from './ui/ParticipantsStrip';
import { TabletPencilBanner } from './ui/PencilViews';
import { TableTrustNotice } from './ui/TableTrustNotice';
import { TextEditor } from './ui/TextEditor';
import { BoardSurface } from './ui/table/BoardSurface';
import { useControllerState } from './ui/useControllerState';
import { useKeyboardShortcuts } from './ui/useKeyboardShortcuts';
import { LockBadge, StatusBadge } from './ui/ViewControls';
import { useWindowSize } from './useWindowSize';

/** This device's author id: kept per browser so undo and authorship survive a reload. */
function deviceId(): string {
  const key = 'roundtable.device';
  let id = localStorage.getItem(key);
  if (!id) {
    id = createId(12);
    localStorage.setItem(key, id);
  }
  return id;
}

/** The scene's draw counts, as its last draw left them (read by end-to-end tests). */
let sceneStats: SceneStats | null = null;
const rememberSceneStats = (stats: SceneStats) => {
  sceneStats = stats;
};

/**
 * `window.roundtable` lets end-to-end tests read what is on the board (a canvas cannot be
 * read back as records); test builds only.
 */
function exposeForTests(controller: BoardController, connection: BoardConnection) {
  if (!import.meta.env.VITE_TEST_HOOK) return;
  exposeTestHook({
    controller,
    sceneStats: () => (sceneStats ? { ...sceneStats } : null),
    elements: () => [...controller.board.elements.values()],
    remoteLiveInk: () => remoteLiveInk(connection.awareness).size,
    remoteInkAuthors: () =>
      [...remoteLiveInk(connection.awareness).values()].map((i) => i.by?.name),
  });
}

/**
 * A board, reopened from the server (a new session) if the server refused one of this
 * device's changes: Yjs cannot take a change back, so the device starts afresh.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const [session, setSession] = useState({ generation: 0, notice: null as Notice | null });
  // Checked while the board connects, so an existing board opens without waiting for it.
  const missing = useBoardMissing(boardId);
  if (missing) return <NoSuchBoard boardId={boardId} />;
  return (
    <BoardSession
      key={session.generation}
      boardId={boardId}
      initialNotice={session.notice}
      onRefused={(notice) => setSession((s) => ({ generation: s.generation + 1, notice }))}
    />
  );
}

function BoardSession({
  boardId,
  initialNotice,
  onRefused,
}: {
  boardId: string;
  initialNotice: Notice | null;
  /** The server refused a change: reopen the board, saying `notice` (null: nothing to say). */
  onRefused: (notice: Notice | null) => void;
}) {
  const { width, height } = useWindowSize();
  const layout = useMemo(
    () =>
      chooseLayout(window.location.search, window.screen, matchMedia('(pointer: coarse)').matches),
    [],
  );
  const connection = useMemo(() => connectBoard(boardId, layout), [boardId, layout]);
  const [status, setStatus] = useState<ConnectionStatus>(connection.status());
  const controller = useMemo(
    () =>
      new BoardController(connection.board, {
        actorId: deviceId(),
        deviceKeyHash: deviceKeyHash(deviceKey()),
        layout,
        // BoardCanvas keeps the viewport current; a resize must not rebuild the board.
        viewport: { width: window.innerWidth, height: window.innerHeight },
      }),
    [connection, layout],
  );
  useEffect(() => connection.onStatus(setStatus), [connection]);
  useEffect(() => {
    if (initialNotice) controller.setNotice(initialNotice);
  }, [controller, initialNotice]);
  useEffect(
    () =>
      connection.onPencilError((error) =>
        controller.setNotice({
          kind: 'error',
          text: refusalText(error),
        }),
      ),
    [connection, controller],
  );
  const refused = useRef(onRefused);
  refused.current = onRefused;
  useEffect(
    () =>
      connection.onRefused(async (reason) => {
        // Nothing lost: this device's work the server has not confirmed is kept aside first
        // (KeptAsideNotice adds it again once the board is back, as far as the rules allow).
        let keeping: Awaited<ReturnType<typeof keepUnconfirmedWork>>;
        try {
          keeping = await keepUnconfirmedWork(boardId, connection.board, authorsOf(controller));
        } catch {
          // It could not be stored: then the offline copy is not cleared either.
          controller.setNotice({
            kind: 'error',
            text: t('refusal.noRoomToKeep'),
          });
          return;
        }
        await connection.resetLocal();
        try {
          keeping.keepAgain(); // anything drawn while it was asking the server
        } catch {
          // What it kept first is stored; storage has no room for the last moment's work.
        }
        refused.current(
          keeping.kept > 0
            ? null
            : { kind: 'info', text: t('refusal.takenBack', { reason: refusalText(reason) }) },
        );
      }),
    [connection, controller, boardId],
  );
  const ask = connection.askPencil;
  // The table shows the gallery when its board is idle (`?attract=<minutes>`, 0 = never);
  // any activity on the board, or a touch, gives the board back.
  const [idle, wake] = useAttract(
    controller,
    connection.awareness,
    controller.layout === 'table' ? attractAfterMs(window.location.search) : null,
  );
  const reconnect = useCallback(() => connection.reconnect(), [connection]);
  const librarian = useLibrarian(reconnect, { sharedScreen: controller.layout === 'table' });
  const { refresh: refreshLibrarian } = librarian;
  // Back online: whether this screen is (still) a table, and the librarian still signed in.
  useEffect(() => {
    if (status === 'connected') refreshLibrarian();
  }, [status, refreshLibrarian]);
  useEffect(() => {
    controller.setSpeaksForSeats(speaksForSeats(controller.layout, librarian.state));
  }, [controller, librarian.state]);
  // Tell the others who this device is; a tablet says so once it has joined.
  useEffect(() => {
    const publish = () => {
      const me = controller.participant();
      if (controller.layout === 'table') {
        publishPresence(connection.awareness, {
          kind: 'table',
          id: controller.actorId,
          name: 'Table',
          color: '#1f2a44',
        });
      } else if (me) {
        publishPresence(connection.awareness, {
          kind: 'tablet',
          id: me.id,
          name: me.name,
          color: me.color,
        });
      }
    };
    publish();
    return controller.subscribe((change) => {
      if (change === 'participants') publish();
    });
  }, [controller, connection]);
  useEffect(() => exposeForTests(controller, connection), [controller, connection]);
  useEffect(
    () => () => {
      controller.destroy();
      connection.destroy();
    },
    [controller, connection],
  );
  useKeyboardShortcuts(controller);
  useFitOnNewRoutine(controller);
  useControllerState(controller, ['seats']);
  const seated = controller.layout === 'table' && controller.seats().length > 0;

  return (
    <main
      className={`board layout-${controller.layout}`}
      data-board-id={boardId}
      data-layout={controller.layout}
    >
      <BoardCanvas
        controller={controller}
        awareness={connection.awareness}
        width={width}
        height={height}
        onScenePainted={rememberSceneStats}
        raster={{ boardId, loaded: connection.loaded }}
      />
      <BoardTextList controller={controller} synced={status === 'connected'} />
      <BoardHeader
        controller={controller}
        boardId={boardId}
        librarian={librarian.state?.signedIn === true}
        shown={!seated}
      />
      <TextEditor controller={controller} />
      <VoteDots controller={controller} />
      {/* Toolbars and panels: on a seated table placed by its layout engine, and these
          board-wide notices turned to face whoever touched the table last. */}
      <BoardSurface controller={controller} ask={ask} boardId={boardId} librarian={librarian}>
        <TableTrustNotice notice={tableTrustNotice(controller.layout, librarian.state)} />
        <StatusBadge status={status} />
        <LockBadge controller={controller} />
        <ParticipantsStrip controller={controller} awareness={connection.awareness} />
        <RoutineBanner
          controller={controller}
          ask={ask}
          allowed={mayFacilitate(librarian.state)}
          boardId={boardId}
        />
        <TabletPencilBanner controller={controller} ask={ask} />
        <NoticeBar controller={controller} />
        <KeptAsideNotice controller={controller} boardId={boardId} status={status} />
      </BoardSurface>
      <JoinSheet controller={controller} synced={status === 'connected'} />
      {idle && <Slideshow onTouch={wake} />}
      <BoardClosed connection={connection} />
    </main>
  );
}
