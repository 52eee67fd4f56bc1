import {
  addStroke,
  CLOSE_CHANGE_REFUSED,
  localOrigin,
  openBoard,
  type PencilState,
  runCommand,
  setDefaultSeats,
} from '@roundtable/shared';
import { boardsDiffer, randomBoardEdit, testSeeds } from '@roundtable/shared/testing';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CLOSE } from '../src/ws/messages';
import {
  connectClient,
  connectDevice,
  connectRaw,
  eventually,
  type SyncClient,
  syncRoundTrip,
  updateFrom,
  updateMessage,
} from './clients';
import { serverPerTest, startTestServer } from './helpers';

/**
 * The convergence network of packages/shared/src/testing/convergence.ts, with the real server
 * in the middle instead of a simulated network: stock y-websocket peers whose every message
 * goes through a Connection, a Room (with its refuse-and-reload path), the relay queue and
 * SQLite. A seeded PRNG picks who edits what, who drops off and comes back with edits made
 * offline, and when a modified client breaks a rule; the seed is printed and
 * CONVERGENCE_SEED repeats it.
 */

const live = serverPerTest();
const BOARD = 'converge';
const TABLETS = 3;

interface Peer {
  readonly name: string;
  readonly client: SyncClient;
  online: boolean;
  /** Why the server closed this honest peer's socket, if it ever did (it must not). */
  readonly closedBy: string[];
}

function peer(name: string, client: SyncClient): Peer {
  const closedBy: string[] = [];
  // A close the peer asked for itself (going offline) comes without an event.
  client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closedBy.push(`${event.code} ${event.reason}`);
  });
  return { name, client, online: true, closedBy };
}

/** What no honest replica may ever hold: a rule breaker's stroke or its server-map writes. */
function cheatTraces(doc: Y.Doc): string[] {
  const board = openBoard(doc);
  const traces = [...board.elements.values()]
    .filter((e) => e.authorId === 'cheater')
    .map((e) => `element ${e.id}`);
  for (const map of [board.control, board.meta]) {
    for (const [key, value] of map) {
      if (JSON.stringify(value).includes('cheater'))
        traces.push(`${key} = ${JSON.stringify(value)}`);
    }
  }
  return traces;
}

async function classroom() {
  live.server = await startTestServer();
  const url = live.server.url;
  // The table (no PIN yet: any table screen is the table) runs the class and may draw as
  // its seats; the tablets are stock clients.
  const table = await connectDevice(url, BOARD, { user: { kind: 'table', id: 'table-1' } });
  live.clients.push(table.client);
  runCommand(table.client.board, setDefaultSeats, 2, localOrigin('table-1'));
  const peers: Peer[] = [peer('seat-1', table.client)];
  for (let i = 0; i < TABLETS; i++) {
    const client = await connectClient(url, BOARD);
    live.clients.push(client);
    peers.push(peer(`peer-${i}`, client));
  }
  return { url, table, peers };
}

async function goOnline(peer: Peer) {
  if (peer.online) return;
  peer.client.provider.connect();
  await eventually(() => expect(peer.client.provider.synced).toBe(true), 10_000);
  // Synced means the peer has the board; its offline edits went after (its answer to the
  // server's step 1): once this round trip is answered, the server has handled them too.
  await syncRoundTrip(peer.client);
  peer.online = true;
}

function goOffline(peer: Peer) {
  peer.client.provider.disconnect();
  peer.online = false;
}

describe('convergence through the real server', () => {
  // A new seed every run (printed); CONVERGENCE_SEED=<seed> repeats one.
  it.each(testSeeds('CONVERGENCE_SEED', 1))(
    'honest peers, offline edits and rule breakers all end on one board (seed %i)',
    async (seed) => {
      const random = prng.create(seed);
      const { url, table, peers } = await classroom();
      const [tablePeer, ...tablets] = peers as [Peer, ...Peer[]];
      const someone = (among: readonly Peer[]) => prng.oneOf(random, [...among]);
      const online = () => peers.filter((p) => p.online);
      let refusals = 0;

      /** A modified client sends `change` (made on a copy of the table's board) and is closed. */
      async function breakRule(change: (doc: Y.Doc) => void, expectedCode: number) {
        const cheater = await connectRaw(url, `/ws/${BOARD}`);
        cheater.send(updateMessage(updateFrom(table.client.doc, change)));
        expect((await cheater.closed).code, `seed ${seed}`).toBe(expectedCode);
        refusals++;
        // Whatever the server did with it, an honest peer has it after this: nothing.
        const witness = someone(online());
        await syncRoundTrip(witness.client);
        expect(cheatTraces(witness.client.doc), `seed ${seed}`).toEqual([]);
      }

      /** Writes one of the server's own records, as only the server may. */
      const writeServerMap = () =>
        breakRule((doc) => {
          const board = openBoard(doc);
          const key = prng.oneOf(random, ['pencil', 'lock', 'routine', 'schema']);
          const map = key === 'schema' ? board.meta : board.control;
          map.set(key, { by: 'cheater', holderId: 'cheater', locked: true });
        }, CLOSE.refused);

      /** Draws while someone else holds the talking pencil. */
      const drawWithoutPencil = () =>
        breakRule((doc) => {
          runCommand(
            openBoard(doc),
            addStroke,
            {
              ...{ authorId: 'cheater', tool: 'pen', color: '#e03131', width: 4 },
              points: [
                { x: prng.int32(random, 0, 500), y: 10 },
                { x: 600, y: prng.int32(random, 0, 500) },
              ],
            },
            localOrigin('cheater'),
          );
        }, CLOSE_CHANGE_REFUSED);

      /** One round: an edit (online or off), a drop or a return, a rule broken, or a pause. */
      async function round(tabletsMayEdit: boolean, cheat: () => Promise<void>) {
        const r = prng.real53(random);
        if (r < 0.6) {
          const editor = tabletsMayEdit ? someone(peers) : tablePeer;
          randomBoardEdit(editor.client.board, random, editor.name);
        } else if (r < 0.75) {
          const tablet = someone(tablets);
          if (tablet.online) goOffline(tablet);
          else await goOnline(tablet);
        } else if (r < 0.83) {
          await cheat();
        } else {
          // Lets the traffic in flight interleave with what comes next.
          await syncRoundTrip(someone(online()).client);
        }
      }

      // Open mode: everyone draws, some of it offline; modified clients write the server's maps.
      for (let i = 0; i < 80; i++) await round(true, writeServerMap);
      for (const tablet of tablets) await goOnline(tablet);
      // The server has every edit of open mode before the mode changes: one still on its
      // way would be refused in pencil mode, as the real board's would (and kept aside).
      for (const peer of peers) await syncRoundTrip(peer.client);

      // Pencil mode, with the table's first seat holding it: only the table draws; a modified
      // client draws anyway. Tablets still drop off and come back (without drawing).
      table.ask({ type: 'setMode', mode: 'pencil' });
      await eventually(() =>
        expect(table.client.board.control.get('pencil') as PencilState).toMatchObject({
          mode: 'pencil',
          holderId: 'seat-1',
        }),
      );
      for (let i = 0; i < 30; i++) await round(false, drawWithoutPencil);
      await drawWithoutPencil(); // at least once, whatever the seed

      // Open again: more edits on and off line, and the server's maps tried once more.
      for (const tablet of tablets) await goOnline(tablet);
      table.ask({ type: 'setMode', mode: 'open' });
      await eventually(() =>
        expect((table.client.board.control.get('pencil') as PencilState).mode).toBe('open'),
      );
      for (let i = 0; i < 80; i++) await round(true, writeServerMap);
      await writeServerMap();
      // And at least once, whatever the seed: a tablet draws offline and comes back.
      const traveller = someone(tablets);
      goOffline(traveller);
      randomBoardEdit(traveller.client.board, random, traveller.name);
      randomBoardEdit(tablePeer.client.board, random, tablePeer.name);
      await goOnline(traveller);

      // Everyone back; then every peer and a device that joins now hold the same board.
      for (const tablet of tablets) await goOnline(tablet);
      const joiner = await connectClient(url, BOARD);
      live.clients.push(joiner);
      const everyone = [...peers.map((p) => p.client), joiner];
      await eventually(async () => {
        // First the server has all each peer sent, then each peer all the server has.
        for (const c of everyone) await syncRoundTrip(c);
        for (const c of everyone) await syncRoundTrip(c);
        expect(boardsDiffer(everyone.map((c) => c.doc)), `seed ${seed}`).toBeNull();
      }, 20_000);
      for (const c of everyone) expect(cheatTraces(c.doc), `seed ${seed}`).toEqual([]);
      for (const p of peers) expect(p.closedBy, `${p.name}, seed ${seed}`).toEqual([]);
      expect(joiner.board.elements.size, `seed ${seed}`).toBeGreaterThan(5);
      expect(refusals).toBeGreaterThanOrEqual(2);
    },
    120_000,
  );
});
