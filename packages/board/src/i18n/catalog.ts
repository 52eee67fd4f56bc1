import type { Locale } from '@roundtable/shared';
import { ar } from './locales/ar';
import { en, type MessageId } from './locales/en';
import { es } from './locales/es';
import { fr } from './locales/fr';

export type { MessageId };

/** A translation: every id of the English source catalog, worded in ICU MessageFormat. */
export type Catalog = { readonly [K in MessageId]?: string };

export const CATALOGS: Record<Locale, Catalog> = { en, es, fr, ar };
export const SOURCE_CATALOG: Record<MessageId, string> = en;
