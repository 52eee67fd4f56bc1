import type { ToolId } from '../controller/tools';
import { t } from '../i18n';

/** What each tool is called, on every toolbar (the tablet's, each seat's), in the device's language. */
export const TOOL_LABELS: Readonly<Record<ToolId, string>> = {
  get pen() {
    return t('tool.pen');
  },
  get highlighter() {
    return t('tool.highlighter');
  },
  get eraser() {
    return t('tool.eraser');
  },
  get rect() {
    return t('tool.rect');
  },
  get ellipse() {
    return t('tool.ellipse');
  },
  get line() {
    return t('tool.line');
  },
  get arrow() {
    return t('tool.arrow');
  },
  get note() {
    return t('tool.note');
  },
  get text() {
    return t('tool.text');
  },
  get select() {
    return t('tool.select');
  },
  get hand() {
    return t('tool.hand');
  },
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
export const WIDTH_NAMES: Readonly<Record<number, string>> = {
  get 0() {
    return t('width.thin');
  },
  get 1() {
    return t('width.medium');
  },
  get 2() {
    return t('width.thick');
  },
};
