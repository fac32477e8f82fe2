import { parseGender, parseJoinDate, parsePhone } from '../cells';
import { findHeaderRow, mapHeaders } from '../columns';

describe('roster headers', () => {
  it('maps the template headers and their usual variants to columns', () => {
    expect(mapHeaders(['序号', '名字', '性别', '联系电话', '党组织', '职务', '入党时间', '备注'])).toEqual({
      columns: { name: 1, gender: 2, phone: 3, branch: 4, duty: 5, joinedPartyOn: 6, note: 7 },
      missing: [],
      duplicated: [],
    });
    expect(mapHeaders([' 姓 名 ', '性别（必填）', '手机', '支部']).missing).toEqual([]);
    expect(mapHeaders(['姓名*', '性别', '电话', '所在党支部']).columns).toMatchObject({ name: 0, phone: 2, branch: 3 });
  });

  it('reports missing required columns and a column given twice', () => {
    const mapping = mapHeaders(['姓名', '手机', '联系电话']);
    expect(mapping.missing).toEqual(['gender', 'branch']);
    expect(mapping.duplicated).toEqual(['phone']);
  });

  it('finds the header row below a title row', () => {
    expect(findHeaderRow([['清河县党员花名册'], ['姓名', '性别', '手机号', '所在支部']])).toBe(1);
    expect(findHeaderRow([['随便写点'], ['没有表头']])).toBe(-1);
  });
});

describe('roster cells', () => {
  it('normalises phones written as numbers, with spaces, dashes or +86', () => {
    expect(parsePhone(13800001234)).toBe('13800001234');
    expect(parsePhone('138 0000 1234')).toBe('13800001234');
    expect(parsePhone('138-0000-1234')).toBe('13800001234');
    expect(parsePhone('+8613800001234')).toBe('13800001234');
    expect(parsePhone('１３８００００１２３４')).toBe('13800001234');
  });

  it('rejects numbers that are not mainland mobiles', () => {
    for (const bad of ['1380000123', '12800001234', '0531-1234567', 'abc', '', null]) expect(parsePhone(bad)).toBeNull();
  });

  it('reads 男/女', () => {
    expect(parseGender('男')).toBe('male');
    expect(parseGender(' 女 ')).toBe('female');
    expect(parseGender('M')).toBeNull();
  });

  it('reads join dates from Excel dates, serial numbers and the usual text forms', () => {
    expect(parseJoinDate(new Date(Date.UTC(2001, 6, 1)))).toBe('2001-07-01');
    expect(parseJoinDate(37073)).toBe('2001-07-01');
    for (const text of ['2001-07-01', '2001/7/1', '2001.07.01', '2001年7月1日', '20010701']) expect(parseJoinDate(text)).toBe('2001-07-01');
    expect(parseJoinDate('2001.07')).toBe('2001-07-01');
    expect(parseJoinDate('2001年7月')).toBe('2001-07-01');
    expect(parseJoinDate(null)).toBe('');
    expect(parseJoinDate('')).toBe('');
  });

  it('rejects impossible or unreadable dates', () => {
    for (const bad of ['2001-02-30', '2001-13-01', '1800-01-01', '七一', '01/07/2001', 3.5]) expect(parseJoinDate(bad)).toBeNull();
  });
});
