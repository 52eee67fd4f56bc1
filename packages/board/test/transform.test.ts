import { type ElementRecord, elementCentre, type ImageRecord } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { ROTATE_HANDLE_OFFSET_PX } from '../src/controller/gestures/transform';
import { BoardDriver } from './driver';

const ASSET = 'f'.repeat(64);

/** A note placed with the note tool at (x, y), then selected with the select tool. */
function selectedNote(d: BoardDriver, x = 500, y = 400): ElementRecord {
  d.controller.setTool('note');
  d.tap(x, y);
  d.controller.finishEditing();
  d.controller.setTool('select');
  d.tap(x, y);
  const [note] = d.elements();
  expect(d.controller.selection.has(note!.id)).toBe(true);
  return note!;
}

describe('pictures', () => {
  it('go on the board centred, fitted to half the screen, selected, and undo as one step', () => {
    const d = new BoardDriver();
    const id = d.controller.addImage({
      assetId: ASSET,
      width: 4000,
      height: 3000,
      alt: 'class photo',
    })!;
    const image = d.board.elements.get(id) as ImageRecord;
    expect(image).toMatchObject({ type: 'image', assetId: ASSET, alt: 'class photo' });
    // The viewport is 1000x800: half its shorter side is 400 board units at zoom 1.
    expect(image.w).toBeCloseTo(400);
    expect(image.h).toBeCloseTo(300);
    expect(image.x + image.w / 2).toBeCloseTo(500);
    expect(image.y + image.h / 2).toBeCloseTo(400);
    expect(d.controller.settings.tool).toBe('select');
    expect([...d.controller.selection]).toEqual([id]);
    d.controller.undo();
    expect(d.elements()).toHaveLength(0);
  });

  it('keep a small picture at its own size, dropped where the finger is, under any zoom', () => {
    const d = new BoardDriver();
    d.controller.setCamera({ x: 100, y: 100, zoom: 2 });
    const id = d.controller.addImage(
      { assetId: ASSET, width: 120, height: 80, alt: '' },
      { x: 200, y: 200 },
    )!;
    const image = d.board.elements.get(id) as ImageRecord;
    expect(image.w).toBe(120);
    expect(image.h).toBe(80);
    // Screen (200, 200) at zoom 2 from (100, 100) is board (200, 200).
    expect(image.x + image.w / 2).toBeCloseTo(200);
    expect(image.y + image.h / 2).toBeCloseTo(200);
  });
});

describe('resize and rotate handles', () => {
  it('resize a note from its bottom-right corner, committed as one edit on lift', () => {
    const d = new BoardDriver();
    const note = selectedNote(d);
    if (note.type !== 'note') throw new Error('expected a note');
    const corner = [note.x + note.w, note.y + note.h] as const;
    d.controller.pointerDown(d.sample(...corner, { id: 7 }));
    d.controller.pointerMove(d.sample(corner[0] + 50, corner[1] + 30, { id: 7 }));
    // While the finger is down the change is only a preview.
    expect(d.controller.transformPreview?.changes).toMatchObject({
      w: note.w + 50,
      h: note.h + 30,
    });
    expect(d.board.elements.get(note.id)).toMatchObject({ w: note.w, h: note.h });
    d.controller.pointerMove(d.sample(corner[0] + 100, corner[1] + 60, { id: 7 }));
    d.controller.pointerUp(d.sample(corner[0] + 100, corner[1] + 60, { id: 7 }));
    expect(d.controller.transformPreview).toBeNull();
    expect(d.board.elements.get(note.id)).toMatchObject({
      x: note.x,
      y: note.y,
      w: note.w + 100,
      h: note.h + 60,
    });
    d.controller.undo();
    expect(d.board.elements.get(note.id)).toMatchObject({ w: note.w, h: note.h });
  });

  it('turn a note about its centre from the handle above it', () => {
    const d = new BoardDriver();
    const note = selectedNote(d);
    if (note.type !== 'note') throw new Error('expected a note');
    const centre = elementCentre(note);
    const handle = [note.x + note.w / 2, note.y - ROTATE_HANDLE_OFFSET_PX] as const;
    // Drag the handle round to the right of the note: a quarter turn clockwise.
    d.drag([
      [handle[0], handle[1]],
      [centre.x + 150, centre.y - 100],
      [centre.x + 200, centre.y + 2],
    ]);
    const turned = d.board.elements.get(note.id)!;
    expect(turned.rotation).toBe(90);
    const after = elementCentre(turned);
    expect(after.x).toBeCloseTo(centre.x);
    expect(after.y).toBeCloseTo(centre.y);
  });

  it('are there only for a single selection; elsewhere the select tool selects and moves', () => {
    const d = new BoardDriver();
    const note = selectedNote(d, 300, 300);
    d.controller.setTool('note');
    d.tap(700, 300);
    d.controller.finishEditing();
    d.controller.setTool('select');
    d.controller.select(d.elements().map((e) => e.id));
    if (note.type !== 'note') throw new Error('expected a note');
    // The first note's corner is no handle with two selected: dragging there moves both.
    d.drag([
      [note.x + note.w - 2, note.y + note.h - 2],
      [note.x + note.w + 38, note.y + note.h - 2],
    ]);
    expect(d.board.elements.get(note.id)).toMatchObject({ w: note.w, x: note.x + 40 });
  });

  it('keep a picture’s proportions while resizing', () => {
    const d = new BoardDriver();
    const id = d.controller.addImage({ assetId: ASSET, width: 400, height: 200, alt: '' })!;
    const image = d.board.elements.get(id) as ImageRecord;
    d.drag([
      [image.x + image.w, image.y + image.h],
      [image.x + image.w + 200, image.y + image.h + 10],
    ]);
    const resized = d.board.elements.get(id) as ImageRecord;
    expect(resized.w / resized.h).toBeCloseTo(2);
    expect(resized.w).toBeCloseTo(600);
  });
});
