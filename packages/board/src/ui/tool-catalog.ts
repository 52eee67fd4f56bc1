import type { ToolId } from '../controller/tools';

/** What each tool is called, on every toolbar (the tablet's, each seat's). */
export const TOOL_LABELS: Record<ToolId, string> = {
  pen: 'Pen',
  highlighter: 'Highlighter',
  eraser: 'Eraser',
  rect: 'Rectangle',
  ellipse: 'Ellipse',
  line: 'Line',
  arrow: 'Arrow',
  note: 'Sticky note',
  text: 'Text',
  select: 'Select',
  hand: 'Move the board',
};

/** The drawing tools in toolbar order. */
export const DRAWING_TOOLS: readonly ToolId[] = [
  'pen',
  'highlighter',
  'eraser',
  'rect',
  'ellipse',
  'line',
  'arrow',
  'note',
  'text',
  'select',
];

export const isToolId = (id: string): id is ToolId => id in TOOL_LABELS;

/** The pen's widths by name (the widths themselves are PEN_WIDTHS, thin to thick). */
export const WIDTH_NAMES = ['Thin', 'Medium', 'Thick'] as const;
