import { readingLength } from '../reading-length';

describe('readingLength', () => {
  it('counts what is read, not the Markdown syntax or whitespace', () => {
    const md = [
      '# 第一章 总则',
      '',
      '> **第一条** 为了加强党的建设。',
      '',
      '- 坚持 [党的领导](https://example.cn)',
      '1. 学习',
      '',
      '---',
      '![图](cloud://x/a.png)',
    ].join('\n');
    expect(readingLength(md)).toEqual({ textLength: [...'第一章总则第一条为了加强党的建设。坚持党的领导学习'].length, imageCount: 1 });
  });

  it('is zero for an empty body', () => {
    expect(readingLength('  \n')).toEqual({ textLength: 0, imageCount: 0 });
  });
});
