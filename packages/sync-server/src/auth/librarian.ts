import { randomInt } from 'node:crypto';
import type { HttpRefusal } from '@roundtable/shared';
import { cookieValue } from './cookies';
import type { LibrarianStore } from './librarian-store';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash';
import { newSecret, secretHash } from './secrets';
import { SignInLimiter } from './sign-in-limiter';

export const SESSION_COOKIE = 'rt_librarian';
/** A signed-in librarian stays signed in for a school day… */
export const SESSION_SECONDS = 10 * 60 * 60;
/** …except on a shared screen (the table), which locks again after this long unused. */
export const DEFAULT_SHARED_SCREEN_IDLE_MS = 5 * 60_000;

/** The session token a request's Cookie header carries, if any. */
export const sessionToken = (cookieHeader: string | undefined): string | null =>
  cookieValue(cookieHeader, SESSION_COOKIE);

/** Setup codes avoid letters and digits that read alike (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newSetupCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

const normalCode = (code: unknown) =>
  typeof code === 'string' ? code.toUpperCase().replace(/[^A-Z0-9]/g, '') : '';

export type SignInResult =
  | { ok: true; token: string }
  | { ok: false; status: number; refusal: HttpRefusal; retryAfterSeconds?: number };

export interface LibrarianOptions {
  now?: () => number;
  /** How long the librarian's session on a shared screen lasts unused. */
  sharedScreenIdleMs?: number;
}

/**
 * The librarian role: one PIN for the library (set once in the web UI with the setup code
 * the server printed, or by LIBRARIAN_PIN), kept as a scrypt hash; signing in gives a
 * session token for an HttpOnly cookie. Guessing (PIN or setup code) is throttled per
 * address, and the count survives a restart.
 */
export class Librarian {
  private readonly limiter: SignInLimiter;
  private readonly now: () => number;
  private readonly sharedScreenIdleMs: number;
  private cachedPinHash: string | null | undefined;
  /** Printed on the console of a fresh install: whoever sets the PIN must have seen it. */
  private code: string | null = null;

  constructor(
    private readonly store: LibrarianStore,
    { now = Date.now, sharedScreenIdleMs = DEFAULT_SHARED_SCREEN_IDLE_MS }: LibrarianOptions = {},
  ) {
    this.now = now;
    this.sharedScreenIdleMs = sharedScreenIdleMs;
    this.limiter = new SignInLimiter(store.failures, now);
    if (!this.pinSet()) this.code = newSetupCode();
  }

  pinSet(): boolean {
    this.cachedPinHash ??= this.store.pinHash();
    return this.cachedPinHash !== null;
  }

  /** The one-time code that PIN setup asks for, while no PIN is set. */
  get setupCode(): string | null {
    return this.pinSet() ? null : this.code;
  }

  private async setPinHash(hash: string): Promise<void> {
    await this.store.setPinHash(hash);
    this.cachedPinHash = hash;
    this.code = null;
  }

  /** Another process set the PIN (cluster mode): read it again. */
  forgetPin(): void {
    this.cachedPinHash = undefined;
  }

  /**
   * LIBRARIAN_PIN from the environment replaces whatever PIN was set before (a restart with
   * the same PIN, or another process of a cluster, keeps everyone signed in).
   */
  async usePinFromEnvironment(pin: string): Promise<void> {
    if (!PIN_PATTERN.test(pin)) throw new Error('LIBRARIAN_PIN must be 4 to 12 digits');
    const stored = this.store.pinHash();
    if (stored && (await verifyPin(pin, stored))) {
      this.cachedPinHash = stored;
      this.code = null;
      return;
    }
    await this.setPinHash(await hashPin(pin));
  }

  /** Reads the session a request's cookie names into the store's cache (cluster mode). */
  async prime(cookieHeader: string | undefined): Promise<void> {
    const token = sessionToken(cookieHeader);
    if (token && this.store.prime) await this.store.prime(secretHash(token));
  }

  /** A try (PIN or setup code) is counted before it is checked; null means go ahead. */
  private async throttled(address: string): Promise<SignInResult | null> {
    const wait = await this.limiter.begin(address);
    if (wait === 0) return null;
    const seconds = Math.ceil(wait / 1000);
    return {
      ok: false,
      status: 429,
      refusal: { code: 'tooManyTries', seconds },
      retryAfterSeconds: seconds,
    };
  }

  /**
   * A fresh install: whoever sets the PIN becomes the librarian, if they have the setup code
   * the server printed on its console. Refused once a PIN exists.
   */
  async setUp(
    pin: unknown,
    setupCode: unknown,
    address: string,
    sharedScreen = false,
  ): Promise<SignInResult> {
    if (this.pinSet()) return { ok: false, status: 409, refusal: { code: 'pinSetAlready' } };
    if (typeof pin !== 'string' || !PIN_PATTERN.test(pin)) {
      return { ok: false, status: 400, refusal: { code: 'pinShape', min: 4, max: 12 } };
    }
    const throttled = await this.throttled(address);
    if (throttled) return throttled;
    if (normalCode(setupCode) !== normalCode(this.code)) {
      return { ok: false, status: 403, refusal: { code: 'wrongSetupCode' } };
    }
    await this.setPinHash(await hashPin(pin));
    await this.limiter.succeeded(address);
    return { ok: true, token: await this.startSession(sharedScreen) };
  }

  async signIn(pin: unknown, address: string, sharedScreen = false): Promise<SignInResult> {
    const stored = this.pinSet() ? this.cachedPinHash : null;
    if (!stored) return { ok: false, status: 409, refusal: { code: 'noPinYet' } };
    const throttled = await this.throttled(address);
    if (throttled) return throttled;
    if (typeof pin !== 'string' || !(await verifyPin(pin, stored))) {
      return { ok: false, status: 401, refusal: { code: 'wrongPin' } };
    }
    await this.limiter.succeeded(address);
    return { ok: true, token: await this.startSession(sharedScreen) };
  }

  /** The hash of the live session a request's cookies carry (null when none or ended). */
  sessionOf(cookieHeader: string | undefined): string | null {
    const token = sessionToken(cookieHeader);
    if (token === null) return null;
    const hash = secretHash(token);
    return this.sessionActive(hash) ? hash : null;
  }

  /** Whether a session is live: not expired, not signed out, not left idle on a shared screen. */
  sessionActive(hash: string): boolean {
    const session = this.store.session(hash);
    if (!session) return false;
    const now = this.now();
    if (session.expiresAt <= now) return false;
    return session.idleMs === null || now - session.lastUsed < session.idleMs;
  }

  /** When an idle shared-screen session will lock, if it is one. */
  locksAt(hash: string): number | null {
    const session = this.store.session(hash);
    return session?.idleMs ? session.lastUsed + session.idleMs : null;
  }

  /** The librarian did something with this session: a shared screen's idle lock starts over. */
  used(hash: string): void {
    const touched = this.store.touchSession(hash, this.now());
    if (touched instanceof Promise) touched.catch(() => {}); // a lost touch only locks sooner
  }

  /** The session now lives on a shared screen (the table was just enrolled). */
  async moveToSharedScreen(hash: string): Promise<void> {
    await this.store.setSessionIdle(hash, this.sharedScreenIdleMs);
    this.used(hash);
  }

  /** Whether a request comes from the signed-in librarian (and counts as the librarian's use). */
  isSignedIn(cookieHeader: string | undefined): boolean {
    const hash = this.sessionOf(cookieHeader);
    if (hash) this.used(hash);
    return hash !== null;
  }

  async signOut(cookieHeader: string | undefined): Promise<void> {
    const token = sessionToken(cookieHeader);
    if (token) await this.store.removeSession(secretHash(token));
  }

  private async startSession(sharedScreen: boolean): Promise<string> {
    const token = newSecret();
    const now = this.now();
    await this.store.addSession(secretHash(token), {
      expiresAt: now + SESSION_SECONDS * 1000,
      idleMs: sharedScreen ? this.sharedScreenIdleMs : null,
      lastUsed: now,
    });
    return token;
  }
}
