import { describe, expect, it } from 'vitest';
import {
  type HttpRefusal,
  httpErrorBody,
  httpRefusalEnglish,
  REFUSAL_CODES,
  refusalOfBody,
} from '../src/wire/http-refusal';

describe('HTTP refusals', () => {
  it('travel as a code with parameters beside their English, and come back as sent', () => {
    const refusal: HttpRefusal = { code: 'boardInUse', devices: 2 };
    const body = JSON.parse(JSON.stringify(httpErrorBody(refusal)));
    expect(body.error).toBe(
      '2 devices are on this board: delete with ?close=1 to close it on them',
    );
    expect(refusalOfBody(body)).toEqual(refusal);
    expect(httpRefusalEnglish({ code: 'wrongPin' })).toBe('that PIN is not right');
  });

  it('reuse a socket code where the meaning is the same', () => {
    expect(refusalOfBody(httpErrorBody({ code: 'librarianRunsRoutine' }))).toEqual({
      code: 'librarianRunsRoutine',
    });
  });

  it('read as unknown when the body has none this device knows', () => {
    for (const body of [
      null,
      'Bad gateway',
      { error: 'from an older server' },
      { refusal: { code: 'fromANewerServer' } },
      { refusal: { code: 'boardInUse', devices: 'two' } },
    ]) {
      expect(refusalOfBody(body)).toEqual({ code: 'unknown' });
    }
  });

  it('lists every code once, socket and HTTP together', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
    expect(REFUSAL_CODES).toContain('wrongSetupCode');
    expect(REFUSAL_CODES).toContain('pencilElsewhere');
  });
});
