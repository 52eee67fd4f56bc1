import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/commands/command';
import { addElement } from '../src/commands/elements';
import { addStroke } from '../src/commands/strokes';
import { localOrigin } from '../src/doc/origins';
import { NOTE_PADDING, noteTextBox } from '../src/elements/note';
import { boardAssetIds, boardToSvg, contentBounds, escapeXml } from '../src/render/board-svg';
import { layoutTextBox } from '../src/render/text-layout';
import { handDrawnStroke, newBoard } from './fixtures';

function classBoard() {
  const board = newBoard();
  const as = localOrigin('seat-1');
  runCommand(
    board,
    addStroke,
    { authorId: 'seat-1', tool: 'pen', color: '#e03131', width: 6, points: handDrawnStroke(60) },
    as,
  );
  runCommand(
    board,
    addElement,
    {
      type: 'note',
      authorId: 'seat-1',
      x: 400,
      y: 100,
      w: 220,
      h: 220,
      rotation: 180,
      color: '#ffe066',
      text: 'I wonder </text><script>alert(1)</script> & why',
      fontSize: 28,
    },
    as,
  );
  runCommand(
    board,
    addElement,
    {
      type: 'shape',
      kind: 'arrow',
      authorId: 'seat-1',
      x: 0,
      y: 500,
      w: 300,
      h: -100,
      rotation: 0,
      stroke: '#1971c2',
      fill: null,
      strokeWidth: 4,
    },
    as,
  );
  runCommand(
    board,
    addElement,
    {
      type: 'image',
      authorId: 'seat-1',
      x: 700,
      y: 300,
      w: 320,
      h: 200,
      rotation: 0,
      assetId: 'a'.repeat(64),
      alt: 'our "model"',
    },
    as,
  );
  runCommand(
    board,
    addElement,
    {
      type: 'text',
      authorId: 'seat-1',
      x: 100,
      y: 700,
      w: 400,
      rotation: 0,
      color: '#1f2a44',
      text: 'See – Think – Wonder',
      fontSize: 32,
    },
    as,
  );
  return board;
}

describe('board to SVG', () => {
  it('is a well-formed SVG document holding every element, pictures as they are given', () => {
    const dataUri = 'data:image/png;base64,iVBORw0KGgo=';
    const svg = boardToSvg(classBoard(), { imageHref: () => dataUri });
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    const groups = parsed.svg.g as {
      path?: unknown;
      rect?: unknown;
      image?: { href: string };
      text?: unknown;
    }[];
    expect(groups).toHaveLength(5);
    expect(groups.filter((g) => g.image)).toHaveLength(1);
    expect(groups.find((g) => g.image)!.image!.href).toBe(dataUri);
    expect(parsed.svg.xmlns).toBe('http://www.w3.org/2000/svg');
  });

  it('keeps what students type as text: nothing they write becomes markup', () => {
    const svg = boardToSvg(classBoard());
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;/text&gt;&lt;script');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('frames the content, turns rotated elements, and gives the same SVG for the same board', () => {
    const board = classBoard();
    const view = contentBounds(board);
    const svg = boardToSvg(board);
    expect(svg).toContain(`viewBox="${view.x} ${view.y} ${view.w} ${view.h}"`);
    expect(view.x).toBeLessThan(0 + 1); // the arrow starts at x = 0
    expect(view.x + view.w).toBeGreaterThan(1020); // the picture ends at x = 1020
    expect(svg).toContain('rotate(180)');
    expect(boardToSvg(board)).toBe(svg);
    expect(boardToSvg(newBoard())).toContain('viewBox="0 0 800 600"');
  });

  it('lists each picture once, and frames one it could not have instead of linking it', () => {
    const board = classBoard();
    expect(boardAssetIds(board)).toEqual(['a'.repeat(64)]);
    const svg = boardToSvg(board, { imageHref: () => null });
    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('/api/assets');
    expect(svg).toContain('<title>our &quot;model&quot;</title></rect>');
  });

  it("wraps a note's text into the lines every renderer draws, none past the note's edge", () => {
    const board = newBoard();
    const text = 'Instagram because my friends post pictures every day';
    runCommand(
      board,
      addElement,
      {
        type: 'note',
        authorId: 'seat-1',
        x: 0,
        y: 0,
        w: 320,
        h: 320,
        rotation: 0,
        color: '#ffe066',
        text,
        fontSize: 36,
      },
      localOrigin('seat-1'),
    );
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      boardToSvg(board),
    );
    const texts = parsed.svg.g.text as { '#text': string; textLength: string; x: string }[];
    const expected = layoutTextBox(noteTextBox({ text, fontSize: 36, w: 320 }));
    expect(expected.length).toBeGreaterThan(2);
    expect(texts.map((t) => t['#text'])).toEqual(expected.map((l) => l.text));
    for (const line of texts) {
      expect(Number(line.x) + Number(line.textLength)).toBeLessThanOrEqual(320 - NOTE_PADDING);
    }
  });
});
