export const DRAW_TOOLS = ['pen', 'highlighter'] as const;
export const SHAPE_TOOLS = ['rect', 'ellipse', 'line', 'arrow'] as const;

export type ToolId =
  | (typeof DRAW_TOOLS)[number]
  | (typeof SHAPE_TOOLS)[number]
  | 'eraser'
  | 'note'
  | 'text'
  | 'select'
  | 'hand';

export interface ToolSettings {
  tool: ToolId;
  color: string;
  /** Pen width in board units; the highlighter draws three times as wide. */
  width: number;
  noteColor: string;
}

/** Bright, distinct, readable on white paper; the first is the default ink. */
export const INK_COLORS = [
  '#1f2a44',
  '#e03131',
  '#f08c00',
  '#2f9e44',
  '#1971c2',
  '#9c36b5',
  '#ffffff',
];
export const NOTE_COLORS = ['#ffe066', '#ffc9c9', '#b2f2bb', '#a5d8ff', '#eebefa', '#ffd8a8'];
export const PEN_WIDTHS = [3, 6, 12] as const;

export const DEFAULT_SETTINGS: ToolSettings = {
  tool: 'pen',
  color: INK_COLORS[0]!,
  width: PEN_WIDTHS[1],
  noteColor: NOTE_COLORS[0]!,
};

export const isDrawTool = (tool: ToolId): tool is (typeof DRAW_TOOLS)[number] =>
  (DRAW_TOOLS as readonly string[]).includes(tool);
export const isShapeTool = (tool: ToolId): tool is (typeof SHAPE_TOOLS)[number] =>
  (SHAPE_TOOLS as readonly string[]).includes(tool);
