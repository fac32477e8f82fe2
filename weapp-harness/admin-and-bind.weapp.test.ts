import * as XLSX from 'xlsx';
import { cancel, success } from './support/device';
import { useWeappSuite } from './support/suite';
import { waitFor } from './support/wait';

/**
 * The organisation department's file journeys on the compiled package (chooseMessageFile + cloud.uploadFile
 * in, cloud file + downloadFile + openDocument out: real bytes through devcloud storage), and a new WeChat
 * user binding to the roster. Every outcome is checked in devcloud's database.
 */
describe('admin file journeys and binding', () => {
  const suite = useWeappSuite();

  it('demo-admin imports a roster picked from a chat: the file is uploaded, previewed and committed', async () => {
    const { engine } = suite.cloud;
    const rows = [
      ['姓名', '性别', '手机号', '所在支部', '职务', '入党日期', '备注'],
      ['周文静', '女', '13800135791', '城关镇东关社区党支部', '党员', '2015-07-01', ''],
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '花名册');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    const phone = suite.phone();
    const file = phone.addFile('花名册.xlsx', bytes);
    const app = await suite.launch(phone, 'demo-admin', { path: 'subpackages/admin/import/index' });
    await app.waitForText('选择花名册文件');

    // First the admin backs out of WeChat's file picker: nothing is uploaded, nothing changes.
    phone.device.script('chooseMessageFile', cancel);
    await app.tap('选择花名册文件');
    expect(app.text()).toContain('选择花名册文件');

    phone.device.script('chooseMessageFile', success({ tempFiles: [{ ...file, type: 'file', time: 0 }] }));
    await app.tap('选择花名册文件');
    await app.waitForText('新增 1 人');
    expect(phone.device.calls.find((c) => c.api === 'chooseMessageFile')?.options).toMatchObject({ type: 'file', extension: ['xlsx'] });
    await app.tap('确认导入');
    await app.waitForText('导入完成');
    expect(engine.find('members', { name: '周文静', phone: '13800135791' })).toHaveLength(1);
  });

  it('demo-admin exports a month: the workbook is downloaded and opened in WeChat’s viewer', async () => {
    const { engine } = suite.cloud;
    const phone = suite.phone();
    phone.device.script('openDocument', success());
    const app = await suite.launch(phone, 'demo-admin', { path: 'subpackages/admin/stats/export' });
    await app.waitForText('生成');
    await app.tap('生成');
    await waitFor(() => phone.openedDocuments.length > 0, 50_000);
    const opened = phone.openedDocuments[0]!;
    expect(opened.fileType).toBe('xlsx');
    const sheets = XLSX.read(opened.bytes, { type: 'buffer' }).SheetNames;
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    expect(engine.find('statsExports', { status: 'done' }).length + engine.find('statsExports', { state: 'done' }).length).toBeGreaterThan(
      0,
    );
  });

  it('a new WeChat user binds as 孙桂兰 with the last four digits of her phone', async () => {
    const { engine } = suite.cloud;
    const app = await suite.launch(suite.phone(), 'weapp-new-user');
    await app.waitForRoute('pages/bind/index');
    await app.waitForText('确认绑定');
    await app.type('与党员名册一致', '孙桂兰');
    await app.type('登记在名册上的手机号', '2468');
    await app.tap('确认绑定');
    await waitFor(() => engine.find('bindings', { _id: 'weapp-new-user' }).length > 0);
    const binding = engine.find('bindings', { _id: 'weapp-new-user' })[0] as { status: string; memberId: string };
    expect(binding.status).toBe('bound');
    expect((engine.find('members', { _id: binding.memberId })[0] as { name: string }).name).toBe('孙桂兰');
    await app.waitForText('同志，您好');
  });
});
