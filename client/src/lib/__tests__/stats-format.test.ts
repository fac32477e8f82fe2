import { shanghaiMonth, shiftMonth } from '../month-step';
import { formatRate, isBelow, missingText, partyDayLabel, quizLabel, studyLabel } from '../stats-format';
import { parseThresholdsForm, toThresholdsForm } from '../thresholds-form';

describe('month matrix cells', () => {
  it('says what each study state means, with a dash when nothing was required', () => {
    expect(studyLabel({ status: 'done', done: 2, required: 2 })).toEqual({ text: '已完成', tone: 'ok' });
    expect(studyLabel({ status: 'inProgress', done: 1, required: 3 })).toEqual({ text: '学习中 1/3', tone: 'warn' });
    expect(studyLabel({ status: 'notStarted', done: 0, required: 3 })).toEqual({ text: '未学', tone: 'bad' });
    expect(studyLabel({ status: 'notRequired', done: 0, required: 0 })).toEqual({ text: '—', tone: 'none' });
  });

  it('shows the quiz score, 未答 or 未及格', () => {
    expect(quizLabel({ status: 'passed', score: 85, maxScore: 100 }).text).toBe('85分');
    expect(quizLabel({ status: 'passed', score: 87.25, maxScore: 100 }).text).toBe('87.3分');
    expect(quizLabel({ status: 'failed', score: 40, maxScore: 100 })).toEqual({ text: '40分 未合格', tone: 'warn' });
    expect(quizLabel({ status: 'notTaken', score: null, maxScore: 100 })).toEqual({ text: '未答', tone: 'bad' });
    expect(quizLabel({ status: 'notRequired', score: null, maxScore: null }).text).toBe('—');
  });

  it('names every 主题党日 state the way the attendance sheet does', () => {
    const text = (status: Parameters<typeof partyDayLabel>[0]['status']) => partyDayLabel({ status }).text;
    expect([text('present'), text('late'), text('excused'), text('madeUp'), text('absent'), text('expected'), text('notRequired')]).toEqual(
      ['出席', '迟到', '请假', '补学', '缺席', '未签到', '—'],
    );
    expect(partyDayLabel({ status: 'madeUp' }).tone).toBe('ok');
  });

  it('lists the open tasks in Chinese', () => {
    expect(missingText(['study', 'partyDay'])).toBe('未完成：学习、党日');
    expect(missingText([])).toBe('本月已完成');
  });
});

describe('rates', () => {
  it('shows percentages, and a dash when nobody was asked', () => {
    expect(formatRate(0.856)).toBe('85.6%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('is under the threshold only when strictly below it and defined', () => {
    expect(isBelow(0.79, 80)).toBe(true);
    expect(isBelow(0.8, 80)).toBe(false);
    expect(isBelow(null, 80)).toBe(false);
  });
});

describe('months', () => {
  it('steps across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-05', -12)).toBe('2025-05');
  });

  it('uses the Shanghai month whatever the phone’s zone', () => {
    expect(shanghaiMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(Date.parse('2026-11-30T15:30:00Z'))).toBe('2026-11');
  });
});

describe('thresholds form', () => {
  const thresholds = { study: 80, quizParticipation: 80, quizPass: 60, partyDay: 90, completion: 75 };

  it('reads back what it shows', () => {
    const form = toThresholdsForm(thresholds, [5, 15]);
    expect(form.reminderDays).toBe('5, 15');
    expect(parseThresholdsForm(form)).toEqual({ ok: true, thresholds, reminderDays: [5, 15] });
  });

  it('accepts Chinese separators, drops duplicates and sorts the days', () => {
    const form = { ...toThresholdsForm(thresholds, []), reminderDays: '15，5、15 20' };
    expect(parseThresholdsForm(form)).toMatchObject({ ok: true, reminderDays: [5, 15, 20] });
    expect(parseThresholdsForm({ ...form, reminderDays: '' })).toMatchObject({ ok: true, reminderDays: [] });
  });

  it('names the field that is wrong', () => {
    const form = toThresholdsForm(thresholds, [5]);
    expect(parseThresholdsForm({ ...form, thresholds: { ...form.thresholds, partyDay: '120' } })).toEqual({
      ok: false,
      message: '党日参加率的达标线请填写 0 到 100 之间的整数',
    });
    expect(parseThresholdsForm({ ...form, thresholds: { ...form.thresholds, study: '8.5' } })).toMatchObject({ ok: false });
    expect(parseThresholdsForm({ ...form, reminderDays: '31' })).toMatchObject({ ok: false, message: expect.stringContaining('1 到 28') });
    expect(parseThresholdsForm({ ...form, reminderDays: '1,2,3,4,5,6,7,8,9,10,11' })).toEqual({
      ok: false,
      message: '自动催学日最多 10 天',
    });
  });
});

describe('stats page links', () => {
  it('leaves out unset parameters and reads encoded ones back', async () => {
    const { readParam, statsUrl, STATS_ROUTES } = await import('../../services/stats-navigation');
    expect(statsUrl(STATS_ROUTES.matrix)).toBe('/subpackages/secretary/stats/index');
    expect(statsUrl(STATS_ROUTES.export, { nodeId: 'org-c01', nodeName: '城关镇党委', month: undefined })).toBe(
      '/subpackages/admin/stats/export?nodeId=org-c01&nodeName=%E5%9F%8E%E5%85%B3%E9%95%87%E5%85%9A%E5%A7%94',
    );
    expect(readParam('%E5%9F%8E%E5%85%B3%E9%95%87%E5%85%9A%E5%A7%94')).toBe('城关镇党委');
    expect(readParam('城关镇党委')).toBe('城关镇党委');
    expect(readParam('100%')).toBe('100%');
    expect(readParam('')).toBeUndefined();
  });
});
