import { describe, expect, it } from 'vitest';
import { parseSheba, shebaSchema } from '../../src';

describe('Sheba (Iranian IBAN)', () => {
  it('accepts a valid Sheba as people write it, normalised', () => {
    for (const written of ['IR570629600000001003242001', 'ir57 0629 6000 0000 1003 2420 01', 'IR۵۷-۰۶۲۹-۶۰۰۰-۰۰۰۰-۱۰۰۳-۲۴۲۰-۰۱', '570629600000001003242001']) {
      expect(parseSheba(written), written).toBe('IR570629600000001003242001');
    }
  });

  it('refuses a wrong check, a wrong length, another country', () => {
    for (const bad of ['IR570629600000001003242002', 'IR750629600000001003242001', 'IR57062960000000100324200', 'DE570629600000001003242001', '', 'IR57-abc']) {
      expect(parseSheba(bad), bad).toBeUndefined();
    }
    expect(shebaSchema.safeParse('IR570629600000001003242002').success).toBe(false);
  });
});
