import { createHash, randomBytes } from 'node:crypto';
import type { LibrarianStore } from './librarian-store';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash';
import { SignInLimiter } from './sign-in-limiter';

export const SESSION_COOKIE = 'rt_librarian';
/** A signed-in librarian stays signed in for a school day. */
export const SESSION_SECONDS = 10 * 60 * 60;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session token a request's Cookie header carries, if any. */
export function sessionToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

export type SignInResult =
  | { ok: true; token: string }
  | { ok: false; status: number; error: string; retryAfterSeconds?: number };

/**
 * The librarian role: one PIN for the library (set once in the web UI, or by LIBRARIAN_PIN),
 * kept as a scrypt hash; signing in gives a session token for an HttpOnly cookie.
 */
export class Librarian {
  private readonly limiter: SignInLimiter;

  constructor(
    private readonly store: LibrarianStore,
    now: () => number = Date.now,
  ) {
    this.limiter = new SignInLimiter(now);
  }

  pinSet(): boolean {
    return this.store.pinHash() !== null;
  }

  /** LIBRARIAN_PIN from the environment replaces whatever PIN was set before. */
  async usePinFromEnvironment(pin: string): Promise<void> {
    if (!PIN_PATTERN.test(pin)) throw new Error('LIBRARIAN_PIN must be 4 to 12 digits');
    this.store.setPinHash(await hashPin(pin));
  }

  /** First start: whoever sets the PIN becomes the librarian. Refused once a PIN exists. */
  async setUp(pin: unknown): Promise<SignInResult> {
    if (this.pinSet()) return { ok: false, status: 409, error: 'a librarian PIN is already set' };
    if (typeof pin !== 'string' || !PIN_PATTERN.test(pin)) {
      return { ok: false, status: 400, error: 'the PIN must be 4 to 12 digits' };
    }
    this.store.setPinHash(await hashPin(pin));
    return { ok: true, token: this.startSession() };
  }

  async signIn(pin: unknown, address: string): Promise<SignInResult> {
    const wait = this.limiter.waitMs(address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return {
        ok: false,
        status: 429,
        error: `too many wrong PINs; try again in ${seconds} s`,
        retryAfterSeconds: seconds,
      };
    }
    const stored = this.store.pinHash();
    if (stored === null) return { ok: false, status: 409, error: 'no librarian PIN is set yet' };
    if (typeof pin !== 'string' || !(await verifyPin(pin, stored))) {
      this.limiter.failed(address);
      return { ok: false, status: 401, error: 'that PIN is not right' };
    }
    this.limiter.succeeded(address);
    return { ok: true, token: this.startSession() };
  }

  isSignedIn(cookieHeader: string | undefined): boolean {
    const token = sessionToken(cookieHeader);
    return token !== null && this.store.hasSession(tokenHash(token), Date.now());
  }

  signOut(cookieHeader: string | undefined): void {
    const token = sessionToken(cookieHeader);
    if (token) this.store.removeSession(tokenHash(token));
  }

  private startSession(): string {
    const token = randomBytes(32).toString('base64url');
    this.store.addSession(tokenHash(token), Date.now() + SESSION_SECONDS * 1000);
    return token;
  }
}
