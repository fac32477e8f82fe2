import { fontSizeOf, readingStatusLabel, withoutTitleHeading } from '../reading-status';

describe('readingStatusLabel', () => {
  it('says 未读 / 已读 x% / 已完成', () => {
    expect(readingStatusLabel({ status: 'unread', percent: 0 })).toBe('未读');
    expect(readingStatusLabel({ status: 'reading', percent: 35 })).toBe('已读 35%');
    expect(readingStatusLabel({ status: 'completed', percent: 100 })).toBe('已完成');
  });
});

describe('fontSizeOf', () => {
  it('falls back to 大 for older eyes when nothing valid was stored', () => {
    expect(fontSizeOf(null).label).toBe('大');
    expect(fontSizeOf('huge').label).toBe('特大');
    expect(fontSizeOf('bogus').key).toBe('large');
  });
});

describe('withoutTitleHeading', () => {
  it('drops a first heading that repeats the title, and nothing else', () => {
    const heading = { type: 'heading' as const, level: 1, inlines: [{ text: '重温入党誓词' }] };
    const paragraph = { type: 'paragraph' as const, inlines: [{ text: '正文' }] };
    expect(withoutTitleHeading([heading, paragraph], '重温入党誓词')).toEqual([paragraph]);
    expect(withoutTitleHeading([heading, paragraph], '别的标题')).toEqual([heading, paragraph]);
  });
});
