import { decodeRefusal, encodeRefusal } from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { activateLocale } from '../src/i18n';
import { refusalText } from '../src/i18n/refusal-text';

afterEach(() => activateLocale('en'));

describe('a server refusal worded on the device', () => {
  it('travels as a code and reads in the device’s language, plurals included', () => {
    const wire = encodeRefusal({ code: 'dotBudget', budget: 3 });
    expect(refusalText(decodeRefusal(wire))).toBe('Each person has only 3 dots.');
    expect(refusalText({ code: 'dotBudget', budget: 1 })).toBe('Each person has only 1 dot.');
    activateLocale('es');
    expect(refusalText(decodeRefusal(wire))).toBe('Cada persona tiene solo 3 puntos.');
    activateLocale('ar');
    expect(refusalText({ code: 'dotBudget', budget: 2 })).toBe('لكل شخص نقطتان فقط.');
    expect(refusalText({ code: 'dotBudget', budget: 3 })).toBe('لكل شخص 3 نقاط فقط.');
    activateLocale('fr');
    expect(refusalText({ code: 'turnLength', min: 10, max: 3600 })).toBe(
      'Un tour dure de 10 secondes à 60 minutes.',
    );
    expect(refusalText(decodeRefusal('update refused: something in English'))).toBe(
      'Le tableau a refusé.',
    );
  });
});
