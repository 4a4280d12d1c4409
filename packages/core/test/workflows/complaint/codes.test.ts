import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_LENGTHS, DAMM_TABLE, ValidationError, dammCheckDigit, formatCode, generateCode, isValidDamm, parseCode, type RandomInt } from '../../../src';
import { citizen, complaintDesk, messageInput, tenantId } from './fixture';

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const withCheck = (body: string) => body + dammCheckDigit(body);

describe('Damm check digit', () => {
  it('uses a table with the defining properties: a Latin square, zero diagonal, weakly totally anti-symmetric', () => {
    const op = (a: number, b: number) => DAMM_TABLE[a]![b]!;
    for (let i = 0; i < 10; i++) {
      expect(new Set(DAMM_TABLE[i]).size).toBe(10);
      expect(new Set(DAMM_TABLE.map((row) => row[i])).size).toBe(10);
      expect(op(i, i)).toBe(0);
    }
    for (let c = 0; c < 10; c++)
      for (let x = 0; x < 10; x++)
        for (let y = 0; y < 10; y++) if (x !== y) expect(op(op(c, x), y)).not.toBe(op(op(c, y), x));
  });

  it('accepts a code with its check digit (known value: 572 → 4)', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(isValidDamm('5724')).toBe(true);
    fc.assert(fc.property(digits(1, 20), (body) => isValidDamm(withCheck(body))));
  });

  it('rejects every single wrong digit', () => {
    fc.assert(
      fc.property(digits(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const code = withCheck(body);
        const i = at % code.length;
        const wrong = code.slice(0, i) + String((Number(code[i]) + shift) % 10) + code.slice(i + 1);
        return !isValidDamm(wrong);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects every swap of two different neighbouring digits (the check digit included)', () => {
    fc.assert(
      fc.property(digits(1, 20), fc.nat(), (body, at) => {
        const code = withCheck(body);
        const i = at % (code.length - 1);
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        return !isValidDamm(swapped);
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every single-digit error and adjacent transposition of every 4-digit body (exhaustive)', () => {
    const missed: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const code = withCheck(String(n).padStart(4, '0'));
      for (let i = 0; i < code.length; i++) {
        for (let d = 0; d < 10; d++) {
          const wrong = code.slice(0, i) + d + code.slice(i + 1);
          if (String(d) !== code[i] && isValidDamm(wrong)) missed.push(wrong);
        }
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        if (i < code.length - 1 && code[i] !== code[i + 1] && isValidDamm(swapped)) missed.push(swapped);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('codes', () => {
  it('are fixed-length digits with a check digit, never starting with 0, shown in groups of four', () => {
    fc.assert(
      fc.property(fc.constantFrom(CODE_LENGTHS.trackingCode, CODE_LENGTHS.complaintCode), (length) => {
        const code = generateCode(length);
        return code.length === length && /^[1-9]\d+$/.test(code) && isValidDamm(code);
      }),
    );
    expect(formatCode('123456789012')).toBe('1234 5678 9012');
    expect(formatCode('12345678')).toBe('1234 5678');
  });

  it('are not sequential: consecutive filings share no pattern', () => {
    const codes = Array.from({ length: 200 }, () => generateCode(CODE_LENGTHS.trackingCode));
    expect(new Set(codes).size).toBe(200);
    const bodies = codes.map((c) => Number(c.slice(0, -1)));
    const steps = new Set(bodies.slice(1).map((b, i) => b - bodies[i]!));
    expect(steps.size).toBeGreaterThan(190);
  });

  it('are read back from Persian or Arabic digits with spaces and dashes; typos are a ValidationError naming the field', () => {
    const code = withCheck('12345678901');
    const persian = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(parseCode(`${persian.slice(0, 4)} ${persian.slice(4, 8)}-${persian.slice(8)}`, 'trackingCode')).toBe(code);
    const typo = code.slice(0, 3) + code[4] + code[3] + code.slice(5);
    const error = (() => {
      try {
        parseCode(typo, 'trackingCode');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['trackingCode']);
    expect(() => parseCode('1234', 'complaintCode')).toThrow(/must have 8 digits/);
    expect(() => parseCode('1234abcd', 'complaintCode')).toThrow(/only digits/);
  });
});

describe('code uniqueness per portal', () => {
  /** Replays fixed digit sequences, then falls back to a counter so later codes differ. */
  function scriptedRandom(...bodies: string[]): RandomInt {
    const queue = bodies.join('').split('').map(Number);
    let fallback = 0;
    return (min, max) => {
      const next = queue.shift();
      if (next !== undefined) return next;
      fallback++;
      return min + (fallback % (max - min));
    };
  }

  it('regenerates a code that collides with an existing one; storage refused the first try and kept nothing of it', async () => {
    // Tracking code body (11 digits) then complaint code body (7 digits), per filing.
    const first = ['12345678901', '7654321'];
    const second = ['12345678901', '1111111']; // same tracking code as the first filing
    const t = await complaintDesk({ random: scriptedRandom(...first, ...second, '98765432109', '2222222') });
    const a = await t.file();
    expect(a.trackingCode).toBe(withCheck('12345678901'));
    expect(a.attempts).toBe(1);
    const b = await t.file();
    expect(b.attempts).toBe(2);
    expect(b.trackingCode).toBe(withCheck('98765432109'));
    expect(b.complaintCode).toBe(withCheck('2222222'));
    expect((await t.oracle.counts()).instances).toBe(2);
    expect(await t.desk.findByKey(tenantId, 'complaint.tracking-code', a.trackingCode)).toEqual([{ tenantId, instanceId: a.instanceId }]);
    // The rejected attempt sent nothing: one "filed" message per channel per filing.
    expect(t.notifier.sent.filter((m) => m.template === 'complaint.filed')).toHaveLength(4);
  });

  it('also catches a colliding complaint code, and gives up with the ConflictError after maxAttempts', async () => {
    const same = ['12345678901', '7654321'];
    const t = await complaintDesk({ random: scriptedRandom(...same, '55555555555', '7654321', '66666666666', '3333333') });
    await t.file();
    const b = await t.file();
    expect(b.attempts).toBe(2);
    expect(b.complaintCode).toBe(withCheck('3333333'));

    const stuck = await complaintDesk({ random: () => 1 });
    await stuck.file();
    const { fileMessage } = await import('../../../src');
    const error = await fileMessage(stuck.desk, { tenantId, actor: citizen, input: messageInput(), maxAttempts: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { entity: 'instance-key' } });
    expect((await stuck.oracle.counts()).instances).toBe(1);
  });

  it('the same code in another portal is no collision', async () => {
    const random = scriptedRandom('12345678901', '7654321', '12345678901', '7654321');
    const t = await complaintDesk({ random });
    const { fileMessage } = await import('../../../src');
    const a = await fileMessage(t.desk, { tenantId: 'portal-a', actor: citizen, input: messageInput() });
    const b = await fileMessage(t.desk, { tenantId: 'portal-b', actor: citizen, input: messageInput() });
    expect([a.attempts, b.attempts]).toEqual([1, 1]);
    expect(a.trackingCode).toBe(b.trackingCode);
  });
});
