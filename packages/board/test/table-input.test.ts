import { addElement, localOrigin, runCommand, setDefaultSeats } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { BoardDriver } from './driver';

/** A 1000x800 table with the default seats for `count` students. */
function table(count: number) {
  const d = new BoardDriver('table');
  runCommand(d.board, setDefaultSeats, count, localOrigin('setup'));
  return d;
}

describe('palms, pinches and the eraser', () => {
  it('a contact that grows to a palm mid-stroke is cancelled: no ink, no stroke', () => {
    const d = new BoardDriver('tablet');
    const c = d.controller;
    c.pointerDown(d.sample(100, 100, { id: 7 }));
    c.pointerMove(d.sample(120, 110, { id: 7 }));
    expect(c.liveInk.size).toBe(1);
    c.pointerMove(d.sample(140, 120, { id: 7, width: 80, height: 70 }));
    expect(c.liveInk.size).toBe(0);
    // Shrinking again or lifting does not bring it back.
    c.pointerMove(d.sample(160, 130, { id: 7 }));
    c.pointerUp(d.sample(160, 130, { id: 7 }));
    expect(d.elements()).toEqual([]);
    // A fingertip's stroke is kept.
    d.drag([
      [100, 300],
      [200, 320],
    ]);
    expect(d.elements()).toHaveLength(1);
  });

  it('on a tablet, a second finger turns the eraser’s touch into a pinch that erases nothing', () => {
    const d = new BoardDriver('tablet');
    d.drag([
      [100, 100],
      [300, 100],
    ]);
    d.controller.setTool('eraser');
    const c = d.controller;
    c.pointerDown(d.sample(200, 100, { id: 1 }));
    c.pointerMove(d.sample(203, 101, { id: 1 }));
    c.pointerDown(d.sample(400, 300, { id: 2 }));
    c.pointerMove(d.sample(180, 100, { id: 1 }));
    c.pointerMove(d.sample(480, 360, { id: 2 }));
    c.pointerUp(d.sample(180, 100, { id: 1 }));
    c.pointerUp(d.sample(480, 360, { id: 2 }));
    expect(d.elements()).toHaveLength(1);
    expect(c.camera.zoom).toBeGreaterThan(1);
    // One finger that moves erases, as ever.
    c.setCamera({ x: 0, y: 0, zoom: 1 });
    d.drag([
      [200, 80],
      [200, 120],
    ]);
    expect(d.elements()).toEqual([]);
  });

  it('an eraser stroke a pinch takes over after it began gives back what it erased', () => {
    const d = new BoardDriver('tablet');
    d.drag([
      [100, 100],
      [300, 100],
    ]);
    d.controller.setTool('eraser');
    const c = d.controller;
    c.pointerDown(d.sample(200, 60, { id: 1 }));
    c.pointerMove(d.sample(200, 100, { id: 1 }));
    expect(d.elements()).toEqual([]);
    c.pointerDown(d.sample(400, 300, { id: 2 }));
    expect(d.elements()).toHaveLength(1);
  });
});

describe('a seat’s "Move the board"', () => {
  it('moves the board for that seat’s next gesture only, then gives its tool back', () => {
    const d = table(4);
    const c = d.controller;
    c.toggleMove('seat-1');
    expect(c.moving('seat-1')).toBe(true);
    expect(c.moving('seat-2')).toBe(false);
    // Seat 1 stands at the near side's right; seat 2 at its left draws meanwhile.
    d.drag([
      [700, 600],
      [650, 580],
    ]);
    d.drag([
      [250, 600],
      [300, 620],
    ]);
    expect(c.camera).toMatchObject({ x: 50, y: 20 });
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-2']);
    expect(c.moving('seat-1')).toBe(false);
    expect(c.actor('seat-1').settings.tool).toBe('pen');
    d.drag([
      [700, 600],
      [650, 580],
    ]);
    expect(
      d
        .elements()
        .map((e) => e.authorId)
        .sort(),
    ).toEqual(['seat-1', 'seat-2']);
  });

  it('pressed again, or another tool chosen, it is called off', () => {
    const d = table(2);
    const c = d.controller;
    c.setTool('highlighter', 'seat-1');
    c.toggleMove('seat-1');
    c.toggleMove('seat-1');
    expect(c.actor('seat-1').settings.tool).toBe('highlighter');
    c.toggleMove('seat-1');
    c.setTool('eraser', 'seat-1');
    expect(c.moving('seat-1')).toBe(false);
  });

  it('a second finger of the same seat zooms; another seat’s finger draws', () => {
    const d = table(4);
    const c = d.controller;
    c.toggleMove('seat-1');
    c.pointerDown(d.sample(700, 600, { id: 1 }));
    c.pointerDown(d.sample(250, 600, { id: 2 })); // seat 2's
    c.pointerMove(d.sample(300, 620, { id: 2 }));
    c.pointerUp(d.sample(300, 620, { id: 2 }));
    expect(d.elements().map((e) => e.authorId)).toEqual(['seat-2']);
    c.pointerDown(d.sample(800, 650, { id: 3 })); // seat 1's second finger
    c.pointerMove(d.sample(900, 700, { id: 3 }));
    c.pointerUp(d.sample(900, 700, { id: 3 }));
    c.pointerUp(d.sample(700, 600, { id: 1 }));
    expect(c.camera.zoom).toBeGreaterThan(1);
    expect(d.elements()).toHaveLength(1);
  });
});

describe('selecting and recolouring', () => {
  it('a hollow rectangle is picked by its outline; what lies inside it by a touch inside', () => {
    const d = new BoardDriver('tablet');
    const c = d.controller;
    c.setTool('rect');
    d.drag([
      [100, 100],
      [500, 400],
    ]);
    c.setTool('pen');
    d.drag([
      [250, 250],
      [300, 260],
    ]);
    const [frame, inside] = d.elements();
    c.setTool('select');
    d.tap(112, 300); // 12 px in from the left edge: a finger on the outline
    expect([...c.selection]).toEqual([frame!.id]);
    d.tap(270, 255);
    expect([...c.selection]).toEqual([inside!.id]);
    // Inside it, where nothing else is, the frame itself.
    d.tap(400, 350);
    expect([...c.selection]).toEqual([frame!.id]);
  });

  it('a colour chosen with the select tool recolours the selection, as one undo step', () => {
    const d = table(2);
    const c = d.controller;
    const id = runCommand(
      d.board,
      addElement,
      {
        type: 'shape',
        kind: 'ellipse',
        authorId: 'seat-1',
        rotation: 0,
        x: 300,
        y: 500,
        w: 200,
        h: 100,
        stroke: '#e03131',
        fill: null,
        strokeWidth: 6,
      },
      localOrigin('seat-1'),
    );
    c.setTool('select', 'seat-1');
    c.select([id]);
    c.setColor('#1971c2', 'seat-1');
    expect(d.board.elements.get(id)).toMatchObject({ stroke: '#1971c2' });
    c.undo('seat-1');
    expect(d.board.elements.get(id)).toMatchObject({ stroke: '#e03131' });
    // With a drawing tool, a colour is only the next ink's.
    c.setTool('pen', 'seat-1');
    c.select([id]);
    c.setColor('#2f9e44', 'seat-1');
    expect(d.board.elements.get(id)).toMatchObject({ stroke: '#e03131' });
  });

  it('a new picture from a button goes beside what is there, not on top of it', () => {
    const d = new BoardDriver('tablet');
    const asset = { assetId: 'a'.repeat(64), width: 400, height: 300, alt: 'a picture' };
    const first = d.controller.addImage(asset)!;
    const second = d.controller.addImage(asset)!;
    const a = d.board.elements.get(first)!;
    const b = d.board.elements.get(second)!;
    const apart =
      a.x + (a as { w: number }).w <= b.x ||
      b.x + (b as { w: number }).w <= a.x ||
      a.y + (a as { h: number }).h <= b.y ||
      b.y + (b as { h: number }).h <= a.y;
    expect(apart).toBe(true);
  });
});
