import type Database from 'better-sqlite3';
import { type AssetStore, openAssetStore } from '../assets/asset-store';
import { type ExhibitStore, openExhibitStore } from '../exhibits/exhibit-store';
import { openRunStore, type RunStore } from '../routines/run-store';
import { openTemplateStore, type TemplateStore } from '../routines/template-store';
import { openSettingsStore, type SettingsStore } from '../settings/settings-store';

/**
 * The library's own data (not boards, not the librarian): on one server in the app database
 * and DATA_DIR (here), in cluster mode in PostgreSQL (cluster/pg-app-stores.ts).
 */
export interface AppStores {
  exhibits: ExhibitStore;
  templates: TemplateStore;
  runs: RunStore;
  assets: AssetStore;
  settings: SettingsStore;
}

export function openAppStores(db: Database.Database, dataDir: string): AppStores {
  return {
    exhibits: openExhibitStore(db),
    templates: openTemplateStore(db),
    runs: openRunStore(db),
    assets: openAssetStore(dataDir),
    settings: openSettingsStore(db),
  };
}
