import { describe, expect, it } from 'vitest';
import { boardToScreen } from '../src/geometry/camera';
import {
  applyRoutineAction,
  settingsProblem,
  startRoutineState,
  votingBudget,
} from '../src/routines/routine-machine';
import { builtInTemplate } from '../src/routines/templates/index';
import { DOT_MAX_PX, DOT_MIN_PX, dotPlacement } from '../src/routines/vote-dot';
import { routineType } from '../src/schema/records/control';

const poster = builtInTemplate('question-poster')!;
const step = (state: ReturnType<typeof startRoutineState>, action: 'next' | 'previous') => {
  const outcome = applyRoutineAction(state, action, 0);
  if (!outcome.ok) throw new Error(outcome.error.code);
  return outcome.state;
};

describe('votes in their own phase', () => {
  it('opens the budget only in the Vote phase', () => {
    const answering = startRoutineState(poster);
    expect(votingBudget(answering)).toBeNull();
    const voting = step(answering, 'next');
    expect(voting.phases[voting.phaseIndex]?.name).toBe('Vote');
    expect(votingBudget(voting)).toBe(3);
    expect(votingBudget(step(voting, 'next'))).toBeNull();
    expect(votingBudget(step(voting, 'previous'))).toBeNull();
    expect(votingBudget(startRoutineState(builtInTemplate('think-pair-share')!))).toBeNull();
  });

  it('upgrades a poster started before: its phase named Vote is the one with dots', () => {
    const up = routineType.migrations.find((m) => m.version === 3)!;
    const old = {
      phases: [
        { name: 'Answer', instruction: '', seconds: 60 },
        { name: 'Vote', instruction: '', seconds: 60 },
      ],
      votesPerParticipant: 3,
    };
    expect((up.up(old).phases as { votes?: boolean }[]).map((p) => p.votes)).toEqual([
      undefined,
      true,
    ]);
    const noVote = { ...old, votesPerParticipant: null };
    expect((up.up(noVote).phases as { votes?: boolean }[])[1]!.votes).toBeUndefined();
  });
});

describe('the librarian’s settings when starting', () => {
  it('sets phase lengths and the dot budget, leaving what is not given', () => {
    const state = startRoutineState(poster, null, { phaseSeconds: [240], votesPerParticipant: 5 });
    expect(state.phases.map((p) => p.seconds)).toEqual([240, 120, null]);
    expect(state.pausedRemainingMs).toBe(240_000);
    expect(state.votesPerParticipant).toBe(5);
    const untimed = startRoutineState(poster, null, { phaseSeconds: [null] });
    expect(untimed.phases[0]!.seconds).toBeNull();
  });

  it('says what is wrong with settings a routine cannot take', () => {
    expect(settingsProblem(poster, { phaseSeconds: [60, 60, null] })).toBeNull();
    expect(settingsProblem(poster, { phaseSeconds: [9] })).toEqual({
      code: 'phaseSeconds',
      min: 10,
      max: 7200,
    });
    expect(settingsProblem(poster, { phaseSeconds: [60.5] })).toMatchObject({
      code: 'phaseSeconds',
    });
    expect(settingsProblem(poster, { votesPerParticipant: 21 })).toEqual({
      code: 'votesPerPerson',
      min: 1,
      max: 20,
    });
    expect(
      settingsProblem(builtInTemplate('see-think-wonder')!, { votesPerParticipant: 2 }),
    ).toEqual({ code: 'noDotVote' });
  });
});

describe('a note’s dot button', () => {
  const note = { x: 100, y: 50, w: 320, h: 320, rotation: 0 };
  /** The button's box on screen at `zoom` (camera at the origin), and the note's. */
  const boxes = (zoom: number, n = note) => {
    const camera = { x: 0, y: 0, zoom };
    const { center, size } = dotPlacement(n, zoom);
    const c = boardToScreen(camera, center);
    const dot = {
      left: c.x - size / 2,
      right: c.x + size / 2,
      top: c.y - size / 2,
      bottom: c.y + size / 2,
    };
    const a = boardToScreen(camera, n);
    const noteBox = { left: a.x, right: a.x + n.w * zoom, top: a.y, bottom: a.y + n.h * zoom };
    return { dot, note: noteBox, size };
  };

  it('never covers the note at any zoom, and is finger-sized when there is room', () => {
    for (const zoom of [0.05, 0.19, 0.5, 1, 3]) {
      const { dot, note: box, size } = boxes(zoom);
      expect(dot.bottom).toBeLessThanOrEqual(box.top); // wholly above the note's top edge
      expect(dot.left).toBeGreaterThanOrEqual(box.right - size); // at its right-hand corner
      expect(size).toBeGreaterThanOrEqual(DOT_MIN_PX);
      expect(size).toBeLessThanOrEqual(DOT_MAX_PX);
    }
    expect(boxes(1).size).toBe(DOT_MAX_PX);
    expect(boxes(0.19).size).toBe(DOT_MIN_PX);
  });

  it('turns with a note that faces another seat', () => {
    // Upside down (a seat across the table): the button sits beyond the note's far corner.
    const { center } = dotPlacement({ ...note, rotation: 180 }, 1);
    expect(center.x).toBeLessThan(note.x - note.w);
    expect(center.y).toBeGreaterThan(note.y);
  });
});
