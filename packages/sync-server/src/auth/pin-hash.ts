import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: about 50 ms a guess on a small server, which also slows a stolen-database attack. */
const COST = 16_384;
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_BYTES, { N: cost, r: 8, p: 1 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$<cost>$<salt>$<hash>` (base64): what the database keeps instead of the PIN. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, COST);
  return `scrypt$${COST}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(pin, Buffer.from(salt, 'base64'), Number(cost));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A PIN is 4 to 12 digits: easy on a touch screen, and guessing is rate-limited. */
export const PIN_PATTERN = /^\d{4,12}$/;
