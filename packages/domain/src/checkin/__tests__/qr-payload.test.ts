import { formatCheckinPayload, normalizeTypedCode, parseCheckinPayload } from '../qr-payload';

describe('check-in QR payload', () => {
  it('round-trips zbxx:checkin:<eventId>:<code>', () => {
    const text = formatCheckinPayload({ eventId: 'evt_2026-03_b12', code: '050471' });
    expect(text).toBe('zbxx:checkin:evt_2026-03_b12:050471');
    expect(parseCheckinPayload(text)).toEqual({ eventId: 'evt_2026-03_b12', code: '050471' });
    expect(parseCheckinPayload(` ${text}\n`)).toEqual({ eventId: 'evt_2026-03_b12', code: '050471' });
  });

  it('ignores anything else a member might scan', () => {
    for (const text of [
      'https://example.com/zbxx:checkin:e1:123456',
      'zbxx:checkin:e1:12345',
      'zbxx:checkin:e1:1234567',
      'zbxx:checkin::123456',
      'zbxx:checkin:e 1:123456',
      'zbxx:checkin:e1:123456:extra',
      'ZBXX:CHECKIN:e1:123456',
      '',
    ]) {
      expect(parseCheckinPayload(text)).toBeNull();
    }
  });

  it('refuses to encode a payload its parser would reject', () => {
    expect(() => formatCheckinPayload({ eventId: 'a:b', code: '123456' })).toThrow();
    expect(() => formatCheckinPayload({ eventId: 'e1', code: '12345' })).toThrow();
  });

  it('normalises typed codes', () => {
    expect(normalizeTypedCode(' 050 471 ')).toBe('050471');
    expect(normalizeTypedCode('０５０４７１')).toBe('050471');
    expect(normalizeTypedCode('05047')).toBeNull();
    expect(normalizeTypedCode('05047a')).toBeNull();
  });
});
