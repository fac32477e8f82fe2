import { codeAtStep, currentCode, timeStep, verifyCode } from '../code';

/** RFC 6238 / RFC 4226 test secret: ASCII "12345678901234567890". */
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii').toString('hex');
const atSeconds = (seconds: number): Date => new Date(seconds * 1000);

describe('rotating check-in code', () => {
  it('matches the RFC 4226 HOTP test values (appendix D)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => codeAtStep(RFC_SECRET, counter))).toEqual(expected);
  });

  it('matches the RFC 6238 SHA-1 TOTP test vectors (appendix B, 8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) {
      expect(codeAtStep(RFC_SECRET, timeStep(atSeconds(seconds)), 8)).toBe(code);
      // our 6-digit code is the same value mod 10^6
      expect(currentCode(RFC_SECRET, atSeconds(seconds)).code).toBe(code.slice(2));
    }
  });

  it('changes every 30 s and says when the shown code expires', () => {
    // 1111111111 s is in step 37037037, which runs from 1111111110 s to 1111111140 s.
    expect(currentCode(RFC_SECRET, atSeconds(1111111111))).toEqual({
      code: '050471',
      step: 37037037,
      validUntil: atSeconds(1111111140),
    });
    expect(currentCode(RFC_SECRET, atSeconds(1111111139.999)).code).toBe('050471');
    expect(currentCode(RFC_SECRET, atSeconds(1111111140)).step).toBe(37037038);
  });

  it('accepts the current and the previous step only', () => {
    const now = atSeconds(1111111111); // step 37037037
    const code = (step: number) => codeAtStep(RFC_SECRET, step);
    expect(verifyCode(RFC_SECRET, code(37037037), now)).toEqual({ ok: true, step: 37037037 });
    expect(verifyCode(RFC_SECRET, code(37037036), now)).toEqual({ ok: true, step: 37037036 });
    expect(verifyCode(RFC_SECRET, code(37037035), now)).toEqual({ ok: false });
    expect(verifyCode(RFC_SECRET, code(37037038), now)).toEqual({ ok: false });
    // the code read at 29 s still works 30 s later, not 31 s later
    expect(verifyCode(RFC_SECRET, '050471', atSeconds(1111111169.999)).ok).toBe(true);
    expect(verifyCode(RFC_SECRET, '050471', atSeconds(1111111170)).ok).toBe(false);
  });

  it('refuses malformed codes and another event’s secret', () => {
    const now = atSeconds(1111111111);
    expect(verifyCode(RFC_SECRET, '50471', now)).toEqual({ ok: false });
    expect(verifyCode(RFC_SECRET, '0504711', now)).toEqual({ ok: false });
    expect(verifyCode(RFC_SECRET, '05047a', now)).toEqual({ ok: false });
    const otherSecret = 'ab'.repeat(20);
    expect(verifyCode(otherSecret, '050471', now)).toEqual({ ok: false });
    expect(verifyCode(otherSecret, codeAtStep(otherSecret, 37037037), now).ok).toBe(true);
  });

  it('refuses a secret that is not 16–64 bytes of hex', () => {
    expect(() => codeAtStep('abc', 1)).toThrow();
    expect(() => codeAtStep('zz'.repeat(20), 1)).toThrow();
    expect(() => codeAtStep('ab'.repeat(15), 1)).toThrow();
    expect(() => codeAtStep(RFC_SECRET, -1)).toThrow(RangeError);
  });
});
