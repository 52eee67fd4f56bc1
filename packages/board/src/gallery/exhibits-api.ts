export interface ExhibitInfo {
  id: string;
  boardId: string;
  title: string;
  group: string;
  participants: string[];
  description: string;
  routine: string | null;
  createdAt: number;
}

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export const listExhibits = () => fetch('/api/exhibits').then((r) => json<ExhibitInfo[]>(r));
export const getExhibit = (id: string) =>
  fetch(`/api/exhibits/${id}`).then((r) => json<ExhibitInfo>(r));

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
  return fetch('/api/exhibits', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  }).then((r) => json<ExhibitInfo>(r));
}

export const exhibitImageUrl = (id: string) => `/api/exhibits/${id}/image.svg`;

export const formatDate = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** The librarian starts a new board holding a copy of an exhibit; answers its id. */
export function boardFromExhibit(id: string): Promise<{ boardId: string }> {
  return fetch(`/api/exhibits/${id}/boards`, { method: 'POST' }).then((r) =>
    json<{ boardId: string }>(r),
  );
}

export async function deleteExhibit(id: string): Promise<void> {
  const response = await fetch(`/api/exhibits/${id}`, { method: 'DELETE' });
  if (!response.ok) await json(response);
}
