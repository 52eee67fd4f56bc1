import { z } from 'zod';
import { colorSchema, idSchema } from '../schema/common';

/**
 * Who a device shows itself as to the others (name tag, colour, the participants strip).
 * Display only: what a device may do is decided by the server from the credentials its
 * socket opened with, never from this.
 */
export const presenceUserSchema = z.object({
  kind: z.enum(['table', 'tablet']),
  /** The device's participant id (a tablet) or device id (a table). */
  id: idSchema,
  name: z.string().max(80),
  color: colorSchema,
});
export type PresenceUser = z.infer<typeof presenceUserSchema>;

/** The `user` of an awareness state, or null when it has none or it is not well formed. */
export function presenceUserOf(state: unknown): PresenceUser | null {
  const parsed = presenceUserSchema.safeParse((state as { user?: unknown } | null)?.user);
  return parsed.success ? parsed.data : null;
}
