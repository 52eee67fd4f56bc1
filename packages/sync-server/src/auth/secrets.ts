import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer secret (session token, table key): 256 bits, cookie-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a secret: its SHA-256, so a copied database opens nothing. */
export const secretHash = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');
