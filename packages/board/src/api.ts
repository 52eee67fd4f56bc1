import { type AnyRefusal, refusalOfBody } from '@roundtable/shared';
import { refusalText } from './i18n/refusal-text';

/**
 * A request the server refused, or that never reached it: the refusal as a code with
 * parameters, and as a sentence in the device's language (`message`) to show as it is.
 */
export class ApiRefusal extends Error {
  override name = 'ApiRefusal';
  constructor(
    readonly refusal: AnyRefusal,
    readonly status: number,
  ) {
    super(refusalText(refusal));
  }
}

/** The refusal in a refused answer (`{ error, refusal }`), as an error to throw. */
export async function refusalOf(response: Response): Promise<ApiRefusal> {
  const body: unknown = await response.json().catch(() => null);
  return new ApiRefusal(refusalOfBody(body), response.status);
}

/** A JSON call to our server; a refusal, or no connection, throws an `ApiRefusal`. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRefusal({ code: 'notConnected' }, 0);
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) throw await refusalOf(response);
  return (await response.json().catch(() => ({}))) as T;
}
