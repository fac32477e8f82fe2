import { imageFileIds, markdownToBlocks } from '../markdown-blocks';

describe('markdownToBlocks', () => {
  it('keeps headings, regulation quotes, lists, emphasis and images', () => {
    const md = [
      '# 第一章 总则',
      '',
      '> **第五条** 正式党员3人以上的，应当成立党支部。',
      '',
      '- 宣传和执行党的路线',
      '- 组织党员*认真*学习',
      '',
      '![支部活动](cloud://env/study-images/a.png)',
      '',
      '---',
      '',
      '见[党章](https://www.12371.cn) &amp; 条例。',
    ].join('\n');
    expect(markdownToBlocks(md)).toEqual([
      { type: 'heading', level: 1, inlines: [{ text: '第一章 总则' }] },
      { type: 'quote', paragraphs: [[{ text: '第五条', bold: true }, { text: ' 正式党员3人以上的，应当成立党支部。' }]] },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: '宣传和执行党的路线' }], [{ text: '组织党员' }, { text: '认真', italic: true }, { text: '学习' }]],
      },
      { type: 'image', src: 'cloud://env/study-images/a.png', alt: '支部活动' },
      { type: 'rule' },
      { type: 'paragraph', inlines: [{ text: '见' }, { text: '党章', href: 'https://www.12371.cn' }, { text: ' & 条例。' }] },
    ]);
  });

  it('lists the cloud images a material shows, once each', () => {
    const blocks = markdownToBlocks('![a](cloud://x/1.png)\n\n![b](cloud://x/1.png)\n\n![c](https://example.cn/2.png)');
    expect(imageFileIds(blocks)).toEqual(['cloud://x/1.png']);
  });

  it('shows tables and raw HTML as text rather than dropping them', () => {
    expect(markdownToBlocks('| 项目 | 次数 |\n| --- | --- |\n| 党课 | 4 |')).toEqual([
      { type: 'paragraph', inlines: [{ text: '项目｜次数' }] },
      { type: 'paragraph', inlines: [{ text: '党课｜4' }] },
    ]);
    expect(markdownToBlocks('<div>通知</div>')).toEqual([{ type: 'paragraph', inlines: [{ text: '通知' }] }]);
  });
});
