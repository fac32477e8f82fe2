import { fitThing, isReminderDay, reminderVerdict, studyReminderData, THING_MAX, type ReminderCandidate } from '../reminder-policy';

const open: ReminderCandidate = { missing: ['study'], bound: true, credits: 1, lastRemindedDay: null };

describe('isReminderDay', () => {
  it('takes the day of the month in Shanghai', () => {
    // 23:30 UTC on the 4th is 07:30 on the 5th in Shanghai.
    expect(isReminderDay([5, 15], new Date('2026-11-04T23:30:00Z'))).toBe(true);
    expect(isReminderDay([5, 15], new Date('2026-11-04T15:00:00Z'))).toBe(false);
    expect(isReminderDay([5, 15], new Date('2026-11-15T01:00:00Z'))).toBe(true);
    expect(isReminderDay([], new Date('2026-11-15T01:00:00Z'))).toBe(false);
    // 16:30 UTC on 31 December is already 1 January in Shanghai.
    expect(isReminderDay([1], new Date('2026-12-31T16:30:00Z'))).toBe(true);
  });
});

describe('reminderVerdict', () => {
  const today = '2026-11-22';

  it('sends to a bound member with a missing task, a consent left and no reminder today', () => {
    expect(reminderVerdict(open, today)).toBe('send');
    expect(reminderVerdict({ ...open, lastRemindedDay: '2026-11-21' }, today)).toBe('send');
  });

  it('never reminds a member whose month is complete, even with consent', () => {
    expect(reminderVerdict({ ...open, missing: [] }, today)).toBe('complete');
  });

  it('cannot reach a member who never bound WeChat', () => {
    expect(reminderVerdict({ ...open, bound: false }, today)).toBe('notBound');
  });

  it('sends at most once per Shanghai day', () => {
    expect(reminderVerdict({ ...open, lastRemindedDay: today }, today)).toBe('alreadyToday');
    // Today's send used the last consent: "already today" is the answer, not "no consent".
    expect(reminderVerdict({ ...open, credits: 0, lastRemindedDay: today }, today)).toBe('alreadyToday');
  });

  it('never sends without an unused consent', () => {
    expect(reminderVerdict({ ...open, credits: 0 }, today)).toBe('noConsent');
  });
});

describe('studyReminderData', () => {
  it('names the month and the open tasks in Chinese', () => {
    expect(studyReminderData('2026-03', ['study', 'partyDay'])).toEqual({
      thing1: { value: '2026年3月支部学习任务' },
      thing2: { value: '每月一学、主题党日' },
      thing3: { value: '请在本月内完成，点此查看' },
    });
  });

  it('keeps every thing value within the subscribe-message limit', () => {
    const data = studyReminderData('2026-12', ['study', 'quiz', 'partyDay']);
    for (const { value } of Object.values(data)) expect([...value].length).toBeLessThanOrEqual(THING_MAX);
    expect(data.thing2.value).toBe('每月一学、法规答题、主题党日');
  });

  it('cuts long text to 20 characters with an ellipsis', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一';
    expect(fitThing(long)).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect([...fitThing(long)].length).toBe(THING_MAX);
    expect(fitThing('短')).toBe('短');
  });
});
