import { useLingui } from '@lingui/react';
import { t } from './i18n';

/**
 * `const t = useT()` in a component: the component draws again when the language changes.
 * (The returned function is the module's `t`; the hook only subscribes.)
 */
export function useT(): typeof t {
  useLingui();
  return t;
}
