import { decodeStroke } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDriver } from './driver';

const line = (x1: number, y1: number, x2: number, y2: number, steps = 8): [number, number][] =>
  Array.from({ length: steps + 1 }, (_, i) => [
    x1 + ((x2 - x1) * i) / steps,
    y1 + ((y2 - y1) * i) / steps,
  ]);

describe('drawing', () => {
  it('commits one stroke per finger, several fingers at once on the table', () => {
    const d = new BoardDriver('table');
    const fingers = [line(100, 100, 300, 100), line(100, 300, 300, 400), line(500, 100, 500, 500)];
    fingers.forEach((path, i) => {
      d.controller.pointerDown(d.sample(...path[0]!, { id: i + 1 }));
    });
    for (let step = 1; step <= 8; step++) {
      fingers.forEach((path, i) => {
        d.controller.pointerMove(d.sample(...path[step]!, { id: i + 1 }));
      });
    }
    expect(d.controller.liveInk.size).toBe(3);
    expect(d.elements()).toHaveLength(0); // nothing committed while drawing
    fingers.forEach((path, i) => {
      d.controller.pointerUp(d.sample(...path[8]!, { id: i + 1 }));
    });
    expect(d.controller.liveInk.size).toBe(0);
    const strokes = d.elements();
    expect(strokes).toHaveLength(3);
    expect(strokes.every((s) => s.type === 'stroke' && decodeStroke(s.points).count === 9)).toBe(
      true,
    );
  });

  it('keeps coalesced samples so fast strokes stay smooth', () => {
    const d = new BoardDriver();
    const c = d.controller;
    c.pointerDown(d.sample(0, 0));
    c.pointerMove(d.sample(40, 0), [d.sample(10, 0), d.sample(20, 0), d.sample(30, 0)]);
    c.pointerUp(d.sample(40, 0));
    const [stroke] = d.elements();
    expect(stroke?.type === 'stroke' && decodeStroke(stroke.points).count).toBe(5);
  });

  it('records pen pressure and draws in board coordinates under a zoomed camera', () => {
    const d = new BoardDriver();
    d.controller.setCamera({ x: 1000, y: 500, zoom: 2 });
    d.drag(line(0, 0, 100, 0, 2), { kind: 'pen', pressure: 0.8 });
    const [stroke] = d.elements();
    if (stroke?.type !== 'stroke') throw new Error('no stroke');
    expect(stroke).toMatchObject({ x: 1000, y: 500 });
    const decoded = decodeStroke(stroke.points);
    expect(decoded.hasPressure).toBe(true);
    expect(decoded.points[3]).toBe(25); // 50 px at zoom 2 = 25 board units
    expect(decoded.points[2]).toBeCloseTo(0.8, 2);
  });

  it('ignores a resting palm', () => {
    const d = new BoardDriver('table');
    d.drag(line(0, 0, 200, 200), { width: 90, height: 70 });
    expect(d.elements()).toHaveLength(0);
  });

  it('draws a highlighter three times as wide', () => {
    const d = new BoardDriver();
    d.controller.setTool('highlighter');
    d.drag(line(0, 0, 100, 0));
    expect(d.elements()[0]).toMatchObject({
      tool: 'highlighter',
      width: d.controller.settings.width * 3,
    });
  });
});

describe('navigation', () => {
  it('says when the screen edges its toolbars cover change, and zooms about the middle left clear', () => {
    const d = new BoardDriver();
    const changes: string[] = [];
    d.controller.subscribe((change) => changes.push(change));
    d.controller.setViewInsets({ top: 80, bottom: 120 });
    d.controller.setViewInsets({ top: 80, bottom: 120, left: 0 });
    expect(changes.filter((c) => c === 'insets')).toHaveLength(1);
    const { width, height } = d.controller.viewport;
    expect(d.controller.middleOfView()).toEqual({ x: width / 2, y: 80 + (height - 200) / 2 });
  });

  it('turns two fingers on a tablet into pan and zoom, dropping the first finger’s stroke', () => {
    const d = new BoardDriver('tablet');
    const c = d.controller;
    c.pointerDown(d.sample(400, 400, { id: 1 }));
    c.pointerMove(d.sample(410, 400, { id: 1 }));
    c.pointerDown(d.sample(600, 400, { id: 2 }));
    expect(c.liveInk.size).toBe(0);
    c.pointerMove(d.sample(300, 400, { id: 1 }));
    c.pointerMove(d.sample(700, 400, { id: 2 }));
    c.pointerUp(d.sample(300, 400, { id: 1 }));
    c.pointerUp(d.sample(700, 400, { id: 2 }));
    expect(c.camera.zoom).toBeCloseTo(400 / 190);
    expect(d.elements()).toHaveLength(0);
  });

  it('never zooms the table when two students draw at once', () => {
    const d = new BoardDriver('table');
    const c = d.controller;
    c.pointerDown(d.sample(100, 100, { id: 1 }));
    c.pointerDown(d.sample(800, 600, { id: 2 }));
    c.pointerMove(d.sample(150, 100, { id: 1 }));
    c.pointerMove(d.sample(700, 600, { id: 2 }));
    c.pointerUp(d.sample(150, 100, { id: 1 }));
    c.pointerUp(d.sample(700, 600, { id: 2 }));
    expect(c.camera).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(d.elements()).toHaveLength(2);
  });

  it('pans on the table only in navigation mode, and fits to content', () => {
    const d = new BoardDriver('table');
    d.drag(line(100, 100, 300, 200));
    d.controller.setTool('hand');
    d.drag(line(500, 500, 400, 450));
    expect(d.controller.camera).toMatchObject({ x: 100, y: 50, zoom: 1 });
    expect(d.elements()).toHaveLength(1);
    d.controller.fitToContent();
    expect(d.controller.camera.zoom).toBe(1);
    const centre = d.controller.toBoard({ x: 500, y: 400 });
    expect(centre.x).toBeCloseTo(200, 0);
  });
});

describe('tools', () => {
  it('erases whole strokes it passes over, as one undo step', () => {
    const d = new BoardDriver();
    d.drag(line(100, 100, 300, 100));
    d.drag(line(100, 300, 300, 300));
    d.drag(line(100, 500, 300, 500));
    d.controller.setTool('eraser');
    d.drag(line(200, 50, 200, 350, 30));
    expect(d.elements()).toHaveLength(1);
    d.controller.undo();
    expect(d.elements()).toHaveLength(3);
  });

  it('drags out shapes, normalising boxes and ignoring slips', () => {
    const d = new BoardDriver();
    d.controller.setTool('rect');
    d.drag(line(300, 300, 100, 200));
    d.controller.setTool('arrow');
    d.drag(line(0, 0, 50, 80));
    d.controller.setTool('ellipse');
    d.drag(line(0, 0, 2, 2));
    expect(d.elements()).toMatchObject([
      { type: 'shape', kind: 'rect', x: 100, y: 200, w: 200, h: 100 },
      { type: 'shape', kind: 'arrow', x: 0, y: 0, w: 50, h: 80 },
    ]);
  });

  it('places a sticky note centred on a tap and opens it for typing', () => {
    const d = new BoardDriver();
    d.controller.setTool('note');
    d.tap(500, 400);
    const [note] = d.elements();
    expect(note).toMatchObject({ type: 'note', x: 390, y: 290, text: '' });
    expect(d.controller.editingId).toBe(note!.id);
    d.controller.editText('I wonder');
    d.controller.editText('I wonder why');
    d.controller.finishEditing();
    expect(d.board.elements.get(note!.id)).toMatchObject({ text: 'I wonder why' });
    d.controller.undo(); // the typing is one step…
    expect(d.board.elements.get(note!.id)).toMatchObject({ text: '' });
    d.controller.undo(); // …and placing the note another
    expect(d.elements()).toHaveLength(0);
  });

  it('selects by tap and by marquee, moves, duplicates, restacks and deletes', () => {
    const d = new BoardDriver();
    d.drag(line(100, 100, 200, 100));
    d.drag(line(100, 300, 200, 300));
    const [a, b] = d.elements().map((e) => e.id);
    const c = d.controller;
    c.setTool('select');
    d.tap(150, 100);
    expect([...c.selection]).toEqual([a]);
    d.drag(line(150, 100, 250, 150));
    expect(d.board.elements.get(a!)).toMatchObject({ x: 200, y: 150 });
    d.drag(line(50, 50, 400, 400)); // marquee over both
    expect([...c.selection].sort()).toEqual([a, b].sort());
    c.duplicateSelection();
    expect(d.elements()).toHaveLength(4);
    expect(c.selection.size).toBe(2);
    c.sendSelectionToBack();
    c.deleteSelection();
    expect(
      d
        .elements()
        .map((e) => e.id)
        .sort(),
    ).toEqual([a, b].sort());
    d.tap(900, 700); // empty board clears the selection
    expect(c.selection.size).toBe(0);
  });
});

describe('undo', () => {
  it('undoes only this device’s strokes, not a classmate’s arriving from the network', () => {
    const mine = new BoardDriver('tablet', new Y.Doc(), 'tablet-1');
    const theirs = new BoardDriver('tablet', new Y.Doc(), 'tablet-2');
    mine.drag(line(0, 0, 100, 0));
    theirs.drag(line(0, 200, 100, 200));
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(theirs.doc));
    expect(mine.elements()).toHaveLength(2);
    mine.controller.undo();
    expect(mine.elements().map((e) => e.authorId)).toEqual(['tablet-2']);
    mine.controller.redo();
    expect(mine.elements()).toHaveLength(2);
  });
});

describe('editing', () => {
  it('a tap elsewhere while typing closes the note instead of placing another', () => {
    const d = new BoardDriver();
    d.controller.setTool('note');
    d.tap(300, 300);
    expect(d.controller.editingId).not.toBeNull();
    d.tap(700, 600);
    expect(d.controller.editingId).toBeNull();
    expect(d.elements()).toHaveLength(1);
  });
});
