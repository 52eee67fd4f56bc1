export type { MessageId } from './catalog';
export {
  activateLocale,
  currentLocale,
  formatDate,
  formatList,
  formatNumber,
  i18n,
  type MessageValues,
  t,
} from './i18n';
export { useT } from './useT';
