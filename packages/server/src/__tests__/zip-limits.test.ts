import { AppError } from '../app-error';
import { writeRosterTemplate } from '../xlsx/roster-workbook';
import { checkZipLimits } from '../zip-limits';
import { entryOf, repeatedEntry, writeZip } from '../../../../quality/adversary/support/zip-files';

const notAZip = new AppError('IMPORT.BAD_FILE', '无法读取该文件');
const limits = { maxEntries: 10, maxTotalBytes: 4 * 1024 * 1024 };
const codeOf = (run: () => void) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error === notAZip ? 'not a zip' : error instanceof AppError ? `${error.code} ${error.message}` : String(error);
  }
};

describe('checkZipLimits', () => {
  it('accepts a real .xlsx (our roster template)', async () => {
    const template = await writeRosterTemplate(['城关镇党委 / 东关社区党支部']);
    expect(codeOf(() => checkZipLimits(template, notAZip))).toBe('accepted');
  });

  it('refuses a file whose entries declare more than the limit, before inflating anything', async () => {
    const big = await repeatedEntry('xl/sharedStrings.xml', Buffer.alloc(1024 * 1024, 'A'), 5);
    expect(codeOf(() => checkZipLimits(writeZip([big]), notAZip, limits))).toMatch(/^IMPORT.BAD_FILE 文件解压后超过4MB/);
  });

  it('refuses an entry that expands past the size the central directory claims (a liar)', async () => {
    const liar = { ...(await repeatedEntry('xl/sharedStrings.xml', Buffer.alloc(1024 * 1024, 'A'), 5)), declaredSize: 1024 };
    expect(codeOf(() => checkZipLimits(writeZip([liar]), notAZip, limits))).toMatch(/^IMPORT.BAD_FILE/);
  });

  it('refuses too many entries', () => {
    const many = Array.from({ length: 11 }, (_, i) => entryOf(`f${i}.xml`, '<a/>'));
    expect(codeOf(() => checkZipLimits(writeZip(many), notAZip, limits))).toMatch(/^IMPORT.BAD_FILE/);
  });

  it('answers "not a zip" for other bytes and for a truncated zip', () => {
    expect(codeOf(() => checkZipLimits(Buffer.from('姓名,手机号\n李秀英,18781728495'), notAZip))).toBe('not a zip');
    const zip = writeZip([entryOf('a.xml', '<a>'.repeat(1000))]);
    expect(codeOf(() => checkZipLimits(Buffer.concat([zip.subarray(0, 40), zip.subarray(zip.length - 60)]), notAZip))).toBe('not a zip');
  });
});
