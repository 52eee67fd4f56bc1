/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** True in the test build only (`window.roundtable` for e2e); vite.config.ts defines it. */
  readonly VITE_TEST_HOOK: boolean;
}
