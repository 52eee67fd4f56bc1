import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCommand } from '../src/commands/command';
import { joinAsTablet } from '../src/commands/participants';
import { listElements } from '../src/doc/board';
import { localOrigin } from '../src/doc/origins';
import { decodeStroke } from '../src/encoding/stroke-codec';
import { deviceKeyHash, participantsOwnedBy } from '../src/join/device-key';
import {
  blueprintsOfSnapshot,
  placeBlueprints,
  TEMPLATE_AUTHOR,
  templateSnapshot,
} from '../src/routines/place-template';
import {
  applyRoutineAction,
  formatClock,
  type RoutineAction,
  startRoutineState,
  timeLeftMs,
} from '../src/routines/routine-machine';
import { estimateClockOffset } from '../src/routines/server-clock';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '../src/routines/templates/index';
import {
  tallyBoardVotes,
  tallyVotes,
  toggleVote,
  voteRefusal,
  votesOf,
} from '../src/routines/votes';
import { migrateBoard } from '../src/schema/migrate';
import { DEFAULT_ROUTINE, type RoutineState } from '../src/schema/records/control';
import { currentSchemaVersions } from '../src/schema/registry';
import { checkEntry } from '../src/schema/validate';
import { newBoard, versionOneBoard } from './fixtures';

const tps = builtInTemplate('think-pair-share')!;

function run(state: RoutineState, steps: [RoutineAction, number][]): RoutineState {
  for (const [action, now] of steps) {
    const outcome = applyRoutineAction(state, action, now);
    if (!outcome.ok) throw new Error(outcome.error.code);
    state = outcome.state;
  }
  return state;
}

describe('templates', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s places valid content with its prompt',
    (_id, template) => {
      const board = newBoard();
      const prompt = template.prompt ? `${template.prompt.default} (ours)` : '';
      const ids = placeBlueprints(board, template.content(prompt), 1_000);
      const elements = listElements(board);
      expect(elements.map((e) => e.id)).toEqual(ids);
      expect(elements.every((e) => e.authorId === TEMPLATE_AUTHOR)).toBe(true);
      if (template.prompt) {
        expect(elements.some((e) => e.type === 'text' && e.text === prompt)).toBe(true);
      }
      expect(startRoutineState(template).phases.length).toBeGreaterThan(1);
    },
  );

  it('the four routines of the brief are there, with their words', () => {
    const texts = (id: string) =>
      builtInTemplate(id)!
        .content(builtInTemplate(id)!.prompt!.default)
        .map((b) => ('text' in b ? b.text : ''));
    expect(texts('see-think-wonder')).toEqual(
      expect.arrayContaining(['I see…', 'I think…', 'I wonder…']),
    );
    expect(tps.phases.map((p) => [p.name, p.seconds])).toEqual([
      ['Think', 90],
      ['Pair', 120],
      ['Share', null],
    ]);
    expect(texts('question-poster')).toContain('My preferred social media platform is…');
    expect(builtInTemplate('question-poster')!.votesPerParticipant).toBe(3);
    expect(texts('group-design-task')).toEqual(
      expect.arrayContaining(['Create a Super Digital Superhero', 'Describe its characteristics']),
    );
  });

  it('goes beneath what the board already has: a photo put there first stays in view', () => {
    const board = newBoard();
    const first = placeBlueprints(board, tps.content('one'), 1);
    const second = placeBlueprints(board, tps.content('two'), 2);
    const order = listElements(board).map((e) => e.id);
    expect(order).toEqual([...second, ...first]);
  });

  it('a template with one bad record writes nothing', () => {
    const board = newBoard();
    const bad = [...tps.content('ok'), { ...tps.content('x')[0]!, fontSize: -1 } as never];
    expect(() => placeBlueprints(board, bad, 1)).toThrow(/fontSize/);
    expect(board.elements.size).toBe(0);
  });

  it('a saved board becomes a template that places the same content elsewhere', () => {
    const source = newBoard();
    placeBlueprints(source, builtInTemplate('group-design-task')!.content('Design a robot'), 1);
    const blueprints = blueprintsOfSnapshot(templateSnapshot(source));
    const target = newBoard();
    placeBlueprints(target, blueprints, 2);
    const strip = ({ id, z, createdAt, ...rest }: Record<string, unknown>) => rest;
    expect(listElements(target).map(strip)).toEqual(listElements(source).map(strip));
  });

  it('a template saved with an older stroke layout is migrated when used', () => {
    // Saved when strokes kept their points as a flat float array (stroke v1).
    const old = versionOneBoard();
    const [stroke] = blueprintsOfSnapshot(Y.encodeStateAsUpdate(old.doc));
    expect(stroke?.type).toBe('stroke');
    const target = newBoard();
    const [id] = placeBlueprints(target, [stroke!], 5);
    const placed = target.elements.get(id!)!;
    expect(checkEntry('elements', id!, placed).ok).toBe(true);
    expect(placed.type === 'stroke' && decodeStroke(placed.points).count).toBe(120);
  });
});

describe('participant migration', () => {
  it('a tablet joined before device keys gets an empty key, for its device to claim', () => {
    const board = newBoard();
    board.meta.set('schema', { ...currentSchemaVersions(), participant: 1 });
    board.participants.set('old', {
      id: 'old',
      kind: 'tablet',
      name: 'Old tablet',
      color: '#1971c2',
      joinedAt: 1,
    } as never);
    expect(migrateBoard(board).failed).toEqual([]);
    expect(board.participants.get('old')?.keyHash).toBe('');
  });
});

describe('routine state migration', () => {
  it('a version 1 routine record gains phases, votes and a run', () => {
    const board = newBoard();
    board.meta.set('schema', { ...currentSchemaVersions(), routine: 1 });
    board.control.set('routine', {
      templateId: null,
      phaseIndex: 0,
      phaseEndsAt: null,
      pausedRemainingMs: null,
    });
    const report = migrateBoard(board);
    expect(report.failed).toEqual([]);
    expect(board.control.get('routine')).toEqual(DEFAULT_ROUTINE);
  });
});

describe('the routine machine', () => {
  it('runs Think – Pair – Share: start, pause, resume, next, last phase untimed', () => {
    let state = startRoutineState(tps, 'run-1');
    expect(state).toMatchObject({ phaseIndex: 0, phaseEndsAt: null, pausedRemainingMs: 90_000 });
    expect(timeLeftMs(state, 0)).toBe(90_000);

    state = run(state, [['start', 1_000]]);
    expect(timeLeftMs(state, 31_000)).toBe(60_000);
    state = run(state, [['pause', 31_000]]);
    expect(timeLeftMs(state, 500_000)).toBe(60_000); // paused: time stands still
    state = run(state, [['start', 600_000]]);
    expect(timeLeftMs(state, 660_000)).toBe(0);
    expect(timeLeftMs(state, 700_000)).toBe(0); // never negative

    state = run(state, [['next', 700_000]]);
    expect(state.phaseIndex).toBe(1);
    expect(timeLeftMs(state, 700_000)).toBe(120_000); // Pair starts at once
    state = run(state, [['next', 710_000]]);
    expect(state.phaseIndex).toBe(2);
    expect(timeLeftMs(state, 710_000)).toBeNull();
    expect(applyRoutineAction(state, 'next', 1).ok).toBe(false);
    expect(applyRoutineAction(state, 'start', 1)).toEqual({
      ok: false,
      error: { code: 'phaseUntimed' },
    });
    expect(state.runId).toBe('run-1');
  });

  it('start after time is up runs the phase again; a minute more; back a phase', () => {
    let state = run(startRoutineState(tps), [
      ['start', 0],
      ['pause', 100_000],
    ]);
    expect(state.pausedRemainingMs).toBe(0);
    state = run(state, [['start', 200_000]]);
    expect(timeLeftMs(state, 200_000)).toBe(90_000);
    state = run(state, [['addMinute', 200_000]]);
    expect(timeLeftMs(state, 200_000)).toBe(150_000);
    // Long after time ran out, a minute more is a minute from now.
    state = run(state, [['addMinute', 900_000]]);
    expect(timeLeftMs(state, 900_000)).toBe(60_000);
    state = run(state, [
      ['next', 210_000],
      ['previous', 220_000],
    ]);
    expect(state).toMatchObject({ phaseIndex: 0, phaseEndsAt: null, pausedRemainingMs: 90_000 });
    expect(applyRoutineAction(state, 'previous', 0).ok).toBe(false);
  });

  it('end leaves no phases but remembers the routine and the group; nothing runs without one', () => {
    const ended = run(startRoutineState(tps, 'run-9'), [['end', 0]]);
    expect(ended).toEqual({
      ...DEFAULT_ROUTINE,
      templateId: 'think-pair-share',
      title: 'Think – Pair – Share',
      runId: 'run-9',
    });
    expect(applyRoutineAction(ended, 'start', 0).ok).toBe(false);
    for (const action of ['start', 'pause', 'next', 'previous', 'addMinute', 'end'] as const) {
      expect(applyRoutineAction(DEFAULT_ROUTINE, action, 0).ok).toBe(false);
    }
  });

  it('every state it writes is valid', () => {
    let state = startRoutineState(builtInTemplate('question-poster')!, 'r');
    const actions: RoutineAction[] = ['start', 'addMinute', 'pause', 'next', 'previous', 'next'];
    actions.forEach((action, i) => {
      state = run(state, [[action, 1_000 * i]]);
      expect(checkEntry('control', 'routine', state).ok).toBe(true);
    });
  });

  it('formats the clock rounding up', () => {
    expect(formatClock(90_000)).toBe('1:30');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(600_000)).toBe('10:00');
  });
});

describe('server clock', () => {
  it('trusts the quickest round trip and takes its middle', () => {
    const offset = estimateClockOffset([
      { sentAt: 1_000, receivedAt: 1_400, serverNow: 6_000 }, // slow trip
      { sentAt: 2_000, receivedAt: 2_020, serverNow: 7_010 },
      { sentAt: 3_000, receivedAt: 2_990, serverNow: 0 }, // clock jumped back: ignored
    ]);
    expect(offset).toBe(5_000);
    expect(estimateClockOffset([])).toBe(0);
  });
});

describe('dot votes', () => {
  it('one dot per note, taken back by a second tap; tallies add up voters', () => {
    let mine = toggleVote([], 'seat-1', 'n1');
    mine = toggleVote(mine.noteIds, 'seat-1', 'n2');
    expect(mine.noteIds).toEqual(['n1', 'n2']);
    expect(toggleVote(mine.noteIds, 'seat-1', 'n1').noteIds).toEqual(['n2']);
    const tally = tallyVotes([mine, { voterId: 't1', noteIds: ['n2'] }]);
    expect(Object.fromEntries(tally)).toEqual({ n1: 1, n2: 2 });
  });

  it('a record may not dot a note twice, and must be stored under its voter', () => {
    expect(checkEntry('votes', 'v', { voterId: 'v', noteIds: ['a', 'a'] }).ok).toBe(false);
    expect(checkEntry('votes', 'v', { voterId: 'w', noteIds: ['a'] }).ok).toBe(false);
    expect(checkEntry('votes', 'v', { voterId: 'v', noteIds: ['a', 'b'] }).ok).toBe(true);
  });

  /** A board with notes a, b, c, d and a text t. */
  function poster() {
    const board = newBoard();
    const z = ['a0', 'a1', 'a2', 'a3', 'a4'];
    ['a', 'b', 'c', 'd'].forEach((id, i) => {
      board.elements.set(id, {
        ...{
          id,
          type: 'note',
          x: i * 300,
          y: 0,
          rotation: 0,
          z: z[i]!,
          authorId: 's',
          createdAt: 1,
        },
        ...{ w: 200, h: 200, color: '#ffe066', text: id, fontSize: 24 },
      });
    });
    board.elements.set('t', {
      ...{
        id: 't',
        type: 'text',
        x: 0,
        y: 400,
        rotation: 0,
        z: z[4]!,
        authorId: 's',
        createdAt: 1,
      },
      ...{ text: 'question', color: '#1f2a44', fontSize: 40, w: 600 },
    });
    return board;
  }

  it('a device places only its own dots, on notes, within the budget, while a vote runs', () => {
    const board = poster();
    const three = { voterId: 'seat-1', noteIds: ['a', 'b', 'c'] };
    const refusal = (
      voter: string,
      value: typeof three | undefined,
      speaksFor: string[],
      budget: number | null,
    ) => voteRefusal(board, voter, value, speaksFor, budget);
    expect(refusal('seat-1', three, ['seat-1', 'seat-2'], 3)).toBeNull();
    expect(refusal('seat-1', { ...three, noteIds: ['a', 'b', 'c', 'd'] }, ['seat-1'], 3)).toEqual({
      code: 'dotBudget',
      budget: 3,
    });
    expect(refusal('tablet-9', undefined, ['seat-1'], 3)).toEqual({
      code: 'ownDotsOnly',
    });
    expect(refusal('seat-1', three, ['seat-1'], null)).toEqual({
      code: 'noVoteNow',
    });
    expect(refusal('seat-1', undefined, ['seat-1'], null)).toBeNull();
    expect(refusal('seat-1', { ...three, noteIds: ['t'] }, ['seat-1'], 3)).toEqual({
      code: 'dotsOnNotes',
    });
    expect(refusal('seat-1', { ...three, noteIds: ['gone'] }, ['seat-1'], 3)).toEqual({
      code: 'dotsOnNotes',
    });
  });

  it('dots on a note that is deleted stop counting, for the tally and the budget', () => {
    const board = poster();
    board.votes.set('seat-1', { voterId: 'seat-1', noteIds: ['a', 'b', 'c'] });
    board.votes.set('mia', { voterId: 'mia', noteIds: ['a'] });
    board.elements.delete('a');
    expect(votesOf(board, 'seat-1')).toEqual(['b', 'c']);
    expect(Object.fromEntries(tallyBoardVotes(board))).toEqual({ b: 1, c: 1 });
  });
});

describe('device keys', () => {
  it('hashes a key with SHA-256, as Node does', () => {
    expect(deviceKeyHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('a device speaks for the participants that carry its key hash only', () => {
    const board = newBoard();
    const mine = deviceKeyHash('my-device-key-123456');
    runCommand(
      board,
      joinAsTablet,
      { id: 'mia', name: 'Mia', color: '#9c36b5', keyHash: mine },
      localOrigin('mia'),
    );
    runCommand(
      board,
      joinAsTablet,
      { id: 'leo', name: 'Leo', color: '#1971c2', keyHash: '' },
      localOrigin('leo'),
    );
    expect(participantsOwnedBy(board, mine)).toEqual(['mia']);
    expect(participantsOwnedBy(board, '')).toEqual([]);
    expect(participantsOwnedBy(board, null)).toEqual([]);
  });
});
