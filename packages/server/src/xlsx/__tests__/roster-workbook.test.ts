import ExcelJS from 'exceljs';
import { createBranchResolver, planRosterImport } from '@zbxx/domain';
import { AppError } from '../../app-error';
import { readRosterSheet, TEMPLATE_SHEET, writeRosterTemplate } from '../roster-workbook';

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readError(content: Buffer): Promise<AppError> {
  const error = await readRosterSheet(content).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('readRosterSheet', () => {
  it('reads a sheet with header variants, a title row, Excel dates, numeric phones and rich text', async () => {
    const content = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Sheet1');
      sheet.addRow(['城关镇党员花名册（2025年）']);
      sheet.addRow(['序号', '名字', '性别', '联系电话', '党组织', '职务', '入党时间', '备注']);
      sheet.addRow([1, '王芳', '女', 13812345678, '东关社区党支部', '党员', new Date(Date.UTC(1999, 6, 1)), null]);
      sheet.addRow([
        2,
        { richText: [{ text: '李' }, { text: '强' }] },
        '男',
        '139 0000 1111',
        '东关社区党支部',
        '组织委员',
        '2008.10',
        '退休',
      ]);
      sheet.addRow([]);
    });
    const rows = await readRosterSheet(content);
    expect(rows.slice(0, 2)).toEqual([
      {
        row: 3,
        cells: {
          name: '王芳',
          gender: '女',
          phone: 13812345678,
          branch: '东关社区党支部',
          duty: '党员',
          joinedPartyOn: new Date(Date.UTC(1999, 6, 1)),
          note: null,
        },
      },
      {
        row: 4,
        cells: {
          name: '李强',
          gender: '男',
          phone: '139 0000 1111',
          branch: '东关社区党支部',
          duty: '组织委员',
          joinedPartyOn: '2008.10',
          note: '退休',
        },
      },
    ]);

    const plan = planRosterImport({
      rows,
      resolveBranch: createBranchResolver([{ id: 'b1', name: '东关社区党支部', type: 'branch', ancestors: [] }]),
      existingByPhone: new Map(),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.toAdd.map((a) => [a.row, a.record.phone, a.record.joinedPartyOn])).toEqual([
      [3, '13812345678', '1999-07-01'],
      [4, '13900001111', '2008-10-01'],
    ]);
  });

  it('reads back the template it writes, with nothing to import yet', async () => {
    const template = await writeRosterTemplate(['城关镇党委/东关社区党支部']);
    expect(await readRosterSheet(template)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([TEMPLATE_SHEET, '填写说明', '支部名称']);
    expect(wb.getWorksheet(TEMPLATE_SHEET)!.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '性别',
      '手机号',
      '所在支部',
      '职务',
      '入党日期',
      '备注',
    ]);
    expect(wb.getWorksheet('支部名称')!.getCell('A2').value).toBe('城关镇党委/东关社区党支部');
  });

  it('refuses a file that is not an xlsx, a sheet without the roster header, and a doubled column', async () => {
    expect((await readError(Buffer.from('姓名,手机号\n王芳,13812345678'))).code).toBe('IMPORT.BAD_FILE');
    const noHeader = await workbookBuffer((wb) => wb.addWorksheet('a').addRow(['姓名', '电话']));
    expect((await readError(noHeader)).message).toBe('没有找到花名册表头，第一行应包含：姓名、性别、手机号、所在支部');
    const doubled = await workbookBuffer((wb) => wb.addWorksheet('a').addRow(['姓名', '性别', '手机', '联系电话', '支部']));
    expect((await readError(doubled)).message).toBe('表头中「手机号」出现了两次，请只保留一列');
  });
});
