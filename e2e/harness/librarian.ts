/**
 * A board the librarian started, by its HTTP API: once a PIN is set, only the librarian
 * starts boards, and students' devices join boards that exist.
 */
export async function boardStartedByLibrarian(
  serverUrl: string,
  pin: string,
  title = 'Board',
): Promise<string> {
  const signIn = await fetch(`${serverUrl}/api/librarian/sign-in`, {
    method: 'POST',
    body: JSON.stringify({ pin }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const created = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { cookie },
    body: JSON.stringify({ title }),
  });
  if (!created.ok) throw new Error(`creating a board failed: HTTP ${created.status}`);
  return ((await created.json()) as { boardId: string }).boardId;
}
