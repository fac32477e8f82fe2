import { formatCountdown, formatEventTime, secondsLeft, shanghaiInstant, shanghaiToday } from '../party-day-format';

describe('party-day formatting', () => {
  it('counts down in days, hours or minutes', () => {
    expect(formatCountdown((2 * 1440 + 3 * 60 + 5) * 60_000)).toBe('还有 2天3小时');
    expect(formatCountdown((3 * 60 + 5) * 60_000)).toBe('还有 3小时5分');
    expect(formatCountdown(25 * 60_000)).toBe('还有 25分钟');
    expect(formatCountdown(30_000)).toBe('即将开始');
    expect(formatCountdown(-5_000)).toBe('即将开始');
  });

  it('shows and reads times in Asia/Shanghai whatever the phone’s zone', () => {
    expect(formatEventTime('2026-05-10T01:00:00.000Z')).toBe('5月10日 09:00');
    expect(shanghaiInstant('2026-05-10', '09:00')).toBe('2026-05-10T01:00:00.000Z');
    expect(shanghaiToday(new Date('2026-05-09T17:00:00Z'))).toBe('2026-05-10');
  });

  it('never shows a negative number of seconds for the code', () => {
    expect(secondsLeft('2026-05-10T01:00:30.000Z', Date.parse('2026-05-10T01:00:05.500Z'))).toBe(25);
    expect(secondsLeft('2026-05-10T01:00:30.000Z', Date.parse('2026-05-10T01:00:40.000Z'))).toBe(0);
  });
});
