import type { ExhibitInfo } from '@roundtable/shared';
import { api } from '../api';
import { formatDate as formatLocaleDate } from '../i18n';

export const listExhibits = () => api<ExhibitInfo[]>('GET', '/api/exhibits');
export const getExhibit = (id: string) => api<ExhibitInfo>('GET', `/api/exhibits/${id}`);

export async function getExhibitSnapshot(id: string): Promise<Uint8Array> {
  const response = await fetch(`/api/exhibits/${id}/snapshot`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export function saveExhibit(fields: {
  boardId: string;
  title: string;
  group: string;
  description: string;
  participants: string[];
}): Promise<ExhibitInfo> {
  return api<ExhibitInfo>('POST', '/api/exhibits', fields);
}

export const exhibitImageUrl = (id: string) => `/api/exhibits/${id}/image.svg`;

/** A day in the app's language ("2 December 2026", "2 de diciembre de 2026"). */
export const formatDate = (ms: number) =>
  formatLocaleDate(ms, { day: 'numeric', month: 'long', year: 'numeric' });

/** The librarian starts a new board holding a copy of an exhibit; answers its id. */
export function boardFromExhibit(id: string): Promise<{ boardId: string }> {
  return api<{ boardId: string }>('POST', `/api/exhibits/${id}/boards`);
}

export const deleteExhibit = (id: string): Promise<void> =>
  api<void>('DELETE', `/api/exhibits/${id}`);
