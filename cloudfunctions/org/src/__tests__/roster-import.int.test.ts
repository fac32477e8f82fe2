import type { Envelope, ImportPreview } from '@zbxx/contracts';
import { DEMO_OPENIDS, generateCounty } from '@zbxx/demo-data';
import type { MemberDoc } from '@zbxx/server';
import { startTestCloud, type TestCloud } from '@zbxx/testing';
import { branchPath, fillTemplate, rowOf, sheetColumn, type SheetCells } from './roster-sheet';

// The instant this suite runs at (the test clock is set to it): expectations follow from it, never from the wall clock.
const NOW = new Date('2026-12-08T10:00:00+08:00');

const county = generateCounty({ members: 60, branches: 6, committees: 3, seed: 11, today: NOW });
const { orgs, members, bindings } = county.collections;
const admin = members.find((m) => m.openid === DEMO_OPENIDS.admin)!;
const admin2 = members.find((m) => m.openid === DEMO_OPENIDS.admin2)!;
const ROSTER_COLLECTIONS = ['orgs', 'members', 'bindings', 'auditLog', 'transfers', 'rosterImports', 'rosterImportChunks'];

let cloud: TestCloud;

beforeAll(async () => {
  // The county before its roster arrives: the tree, and the one admin who imports it.
  cloud = await startTestCloud({
    now: NOW,
    functions: ['org'],
    seed: { orgs, members: [admin], bindings: bindings.filter((b) => b._id === DEMO_OPENIDS.admin) } as unknown as Record<string, object[]>,
  });
}, 60_000);

afterAll(async () => {
  await cloud?.close();
});

const org = <T>(action: string, data: unknown, openid: string = DEMO_OPENIDS.admin) =>
  cloud.call<Envelope<T>>('org', { action, data }, openid);
const data = <T>(reply: Envelope<T>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
};
const base64 = (file: Buffer) => ({ fileName: '花名册.xlsx', base64: file.toString('base64') });

let template: Buffer;

/** The fields an imported entry must carry to be the same person as the demo roster's. */
function asImported(member: MemberDoc) {
  const { name, nameKey, gender, phone, phoneLast4, branchId, orgPath, duty, joinedPartyOn } = member;
  return {
    name,
    nameKey,
    gender,
    phone,
    phoneLast4,
    branchId,
    orgPath,
    duty,
    joinedPartyOn,
    roles: member.roles.filter((g) => g.role === 'secretary'),
  };
}

describe('org.rosterTemplate', () => {
  it('hands the admin a template listing every branch of their subtree', async () => {
    const { result, dbRequests } = await org<{ fileID: string; url: string; fileName: string }>('rosterTemplate', {});
    const { url, fileID, fileName } = data(result);
    expect(fileName).toBe('党员花名册模板.xlsx');
    expect(fileID).toMatch(/^cloud:\/\//);
    template = Buffer.from(await (await fetch(url)).arrayBuffer());
    const branches = orgs.filter((o) => o.type === 'branch').map((o) => branchPath(orgs, o._id));
    expect((await sheetColumn(template, '支部名称')).sort()).toEqual(branches.sort());
    expect(dbRequests).toBeLessThanOrEqual(4);
  });

  it('reads an uploaded file by its fileID: the untouched template has nothing to import', async () => {
    const { url, fileID: templateFileId } = data((await org<{ url: string; fileID: string }>('rosterTemplate', {})).result);
    const slot = data((await org<{ cloudPath: string }>('importUpload', {})).result);
    const fileID = await cloud.upload(slot.cloudPath, Buffer.from(await (await fetch(url)).arrayBuffer()));
    const preview = data((await org<ImportPreview>('importPreview', { file: { fileID } })).result);
    expect(preview).toMatchObject({ totalRows: 0, addCount: 0, errorCount: 0, canCommit: false });
    // Only files uploaded to a slot of the caller's own are read, not the template (or any other stored file).
    expect((await org('importPreview', { file: { fileID: templateFileId } })).result).toMatchObject({
      ok: false,
      error: { code: 'IMPORT.BAD_FILE' },
    });
  });
});

describe('roster import', () => {
  it('lists a wrong branch, a bad phone and a duplicate with their rows, and writes nothing', async () => {
    const [a, b, c, d] = members.filter((m) => m !== admin);
    const rows: SheetCells[] = [
      rowOf(a!, orgs, 0),
      [...rowOf(b!, orgs, 1).slice(0, 3), '城关镇西街社区党支部', ...rowOf(b!, orgs, 1).slice(4)] as SheetCells,
      [...rowOf(c!, orgs, 2).slice(0, 2), '1380013800', ...rowOf(c!, orgs, 2).slice(3)] as SheetCells,
      [d!.name, '女', a!.phone, branchPath(orgs, d!.branchId), '党员', '2010-07-01', null],
    ];
    const before = cloud.snapshot(ROSTER_COLLECTIONS);
    const { result, dbRequests } = await org<ImportPreview>('importPreview', { file: base64(await fillTemplate(template, rows)) });
    const preview = data(result);
    expect(preview.errors).toEqual([
      { row: 3, column: '所在支部', reason: '找不到该支部（或不在您的管理范围内）' },
      { row: 4, column: '手机号', reason: '手机号「1380013800」不是有效的11位手机号' },
      { row: 5, column: '手机号', reason: '与第2行手机号重复（同一人不能出现两次）' },
    ]);
    expect(preview).toMatchObject({ totalRows: 4, addCount: 1, errorCount: 3, canCommit: false });
    expect(cloud.snapshot(ROSTER_COLLECTIONS)).toEqual(before);
    expect(dbRequests).toBeLessThanOrEqual(4);

    const commit = await org('importCommit', { importId: preview.importId });
    expect(commit.result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(cloud.snapshot(ROSTER_COLLECTIONS)).toEqual(before);
  });

  it('refuses a file that is not a roster, and callers who are not admins', async () => {
    const stranger = await org('importPreview', { file: base64(template) }, 'wx-stranger');
    expect(stranger.result).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_BOUND' } });
    const { result } = await org('importPreview', {
      file: { fileName: 'a.xlsx', base64: Buffer.from('not a workbook').toString('base64') },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT.BAD_FILE' } });
  });

  it('imports the demo county’s roster from the template: exactly those people, once', async () => {
    const rows = members.map((m, i) => rowOf(m, orgs, i));
    const file = await fillTemplate(template, rows);
    const previewed = await org<ImportPreview>('importPreview', { file: base64(file) });
    const preview = data(previewed.result);
    expect(preview).toMatchObject({
      totalRows: members.length,
      addCount: members.length - 1,
      updateCount: 0,
      unchangedCount: 1,
      errorCount: 0,
      canCommit: true,
    });
    expect(preview.toAdd[0]).toEqual({
      row: 3,
      name: members[1]!.name,
      phone: members[1]!.phone,
      branchName: branchPath(orgs, members[1]!.branchId),
      duty: members[1]!.duty,
    });
    // Previewing stages the plan; the roster itself is untouched until the admin confirms.
    expect(cloud.engine.find('members', {})).toHaveLength(1);

    const committed = await org<{ added: number; updated: number }>('importCommit', { importId: preview.importId });
    expect(data(committed.result)).toEqual({ importId: preview.importId, added: members.length - 1, updated: 0 });
    expect(committed.dbRequests).toBeLessThanOrEqual(14);

    const imported = cloud.engine.find('members', {}) as unknown as MemberDoc[];
    const byPhone = (list: MemberDoc[]) => new Map(list.map((m) => [m.phone, asImported(m)]));
    expect(byPhone(imported)).toEqual(byPhone(members));
    expect(imported.filter((m) => m._id !== admin._id).every((m) => m.importId === preview.importId && !m.openid)).toBe(true);
    expect(cloud.engine.find('auditLog', { action: 'roster.import' })).toEqual([
      expect.objectContaining({
        actor: { openid: DEMO_OPENIDS.admin, memberId: admin._id },
        details: expect.objectContaining({ added: members.length - 1 }),
      }),
    ]);

    // A retried confirmation (a lost reply) changes nothing.
    const again = await org('importCommit', { importId: preview.importId });
    expect(again.result).toEqual(committed.result);
    expect(cloud.engine.find('members', {})).toHaveLength(members.length);

    // The same sheet again is now all unchanged.
    const second = data((await org<ImportPreview>('importPreview', { file: base64(file) })).result);
    expect(second).toMatchObject({ addCount: 0, updateCount: 0, unchangedCount: members.length, canCommit: false });

    // Admin grants are not on a sheet: the admin gives them, after which the roster matches the demo county’s.
    const promoted = imported.find((m) => m.phone === admin2.phone)!;
    data((await org('assignRole', { memberId: promoted._id, role: 'admin', orgId: 'org-c01' })).result);
    expect((cloud.engine.find('members', { _id: promoted._id })[0] as unknown as MemberDoc).roles).toEqual(admin2.roles);
  });

  it('updates people found by phone, and a changed branch is a transfer', async () => {
    const target = members.find((m) => m.branchId === 'org-b0005' && m.roles.length === 0 && m !== admin)!;
    const row = rowOf(target, orgs, 1);
    row[3] = branchPath(orgs, 'org-b0006');
    row[4] = '组织委员';
    const preview = data((await org<ImportPreview>('importPreview', { file: base64(await fillTemplate(template, [row])) })).result);
    expect(preview.toUpdate).toEqual([
      {
        row: 2,
        memberId: expect.any(String),
        name: target.name,
        changes: [
          { field: '所在支部', from: branchPath(orgs, 'org-b0005'), to: branchPath(orgs, 'org-b0006') },
          { field: '职务', from: target.duty, to: '组织委员' },
        ],
      },
    ]);
    data((await org('importCommit', { importId: preview.importId })).result);
    const [updated] = cloud.engine.find('members', { phone: target.phone }) as unknown as MemberDoc[];
    expect(updated).toMatchObject({ branchId: 'org-b0006', orgPath: ['org-county', 'org-c03', 'org-b0006'], duty: '组织委员' });
    expect(cloud.engine.find('transfers', { memberId: updated!._id })).toEqual([
      expect.objectContaining({ fromBranchId: 'org-b0005', toBranchId: 'org-b0006', reason: 'import', importId: preview.importId }),
    ]);
  });

  it('refuses a commit when the roster changed after the preview, and writes nothing', async () => {
    const fresh: SheetCells = ['新党员甲', '男', '13700001111', branchPath(orgs, 'org-b0001'), '党员', '2020-07-01', null];
    const first = data((await org<ImportPreview>('importPreview', { file: base64(await fillTemplate(template, [fresh])) })).result);
    const second = data((await org<ImportPreview>('importPreview', { file: base64(await fillTemplate(template, [fresh])) })).result);
    data((await org('importCommit', { importId: first.importId })).result);
    const before = cloud.snapshot(['members']);
    const stale = await org('importCommit', { importId: second.importId });
    expect(stale.result).toEqual({ ok: false, error: { code: 'CONFLICT', message: '花名册在预览后有变化，请重新上传预览' } });
    expect(cloud.snapshot(['members'])).toEqual(before);
    // Released at once, so trying again gives the same answer instead of "busy".
    expect(cloud.engine.find('rosterImports', { _id: second.importId })[0]).toMatchObject({ status: 'previewed' });
    expect(cloud.engine.find('rosterImports', { _id: second.importId })[0]).not.toHaveProperty('leaseUntil');
  });
});

describe('a commit that fails half-way', () => {
  it('is undone: no entry added, updated fields put back, and the import can be committed again', async () => {
    const existing = (cloud.engine.find('members', { branchId: 'org-b0003' }) as unknown as MemberDoc[]).find((m) => m._id !== admin._id)!;
    const changed = rowOf(existing, orgs, 1);
    changed[6] = '已调出';
    const rows: SheetCells[] = [
      changed,
      ['新党员丙', '男', '13700003333', branchPath(orgs, 'org-b0003'), '党员', '2021-07-01', null],
      ['新党员丁', '女', '13700004444', branchPath(orgs, 'org-b0003'), '党员', '2021-07-01', null],
    ];
    const preview = data((await org<ImportPreview>('importPreview', { file: base64(await fillTemplate(template, rows)) })).result);
    expect(preview).toMatchObject({ addCount: 2, updateCount: 1 });
    // Another writer takes the id the import would give row 4, so inserting the chunk fails mid-commit.
    const blockerId = `m-${preview.importId.slice('imp-'.length)}-4`;
    cloud.engine.insertMany('members', [
      {
        _id: blockerId,
        name: '占位',
        phone: '13700009999',
        branchId: 'org-b0003',
        orgPath: ['org-county', 'org-c02', 'org-b0003'],
        roles: [],
      },
    ]);
    const before = cloud.snapshot(['members', 'transfers']);

    const failed = await org('importCommit', { importId: preview.importId });
    expect(failed.result).toMatchObject({ ok: false, error: { code: 'SYSTEM.INTERNAL' } });
    expect(cloud.snapshot(['members', 'transfers'])).toEqual(before);
    expect(cloud.engine.find('rosterImports', { _id: preview.importId })[0]).toMatchObject({ status: 'previewed' });
    expect(cloud.engine.find('auditLog', { action: 'roster.import.rollback', 'target.id': preview.importId })).toHaveLength(1);

    cloud.engine.remove('members', { _id: blockerId });
    data((await org('importCommit', { importId: preview.importId })).result);
    expect(cloud.engine.find('members', { importId: preview.importId })).toHaveLength(2);
    expect(cloud.engine.find('members', { _id: existing._id })[0]).toMatchObject({ note: '已调出' });
  });
});
