import type { DevIdentity, Me } from '@zbxx/contracts';
import { formatMonth } from '../format-month';
import { groupIdentities } from '../group-identities';
import { formatOrgPath } from '../org-path';
import { roleEntries } from '../role-entries';
import { roleLabels } from '../role-labels';
import { sessionRedirect } from '../session-route';

describe('formatMonth', () => {
  it('writes a month the Chinese way', () => {
    expect(formatMonth('2026-11')).toBe('2026年11月');
    expect(formatMonth('2026-03')).toBe('2026年3月');
  });
});

describe('roles', () => {
  const scope: Me['scope'] = {
    secretaryOf: [{ id: 'b-01', name: '城关镇第一党支部', type: 'branch' }],
    adminOf: [{ id: 'c-01', name: '示范县委组织部', type: 'county' }],
  };

  it('labels roles in Chinese in a fixed order', () => {
    expect(roleLabels(['admin', 'member'])).toEqual(['党员', '组织部管理员']);
  });

  it('opens 支部管理 for secretaries and 组织部后台 for admins, in subpackages', () => {
    expect(roleEntries({ roles: ['member'], scope: { secretaryOf: [], adminOf: [] } })).toEqual([]);
    const entries = roleEntries({ roles: ['member', 'secretary', 'admin'], scope });
    expect(entries.map((e) => [e.title, e.route])).toEqual([
      ['支部管理', '/subpackages/secretary/pages/index'],
      ['组织部后台', '/subpackages/admin/pages/index'],
    ]);
    expect(entries[0]?.description).toContain('城关镇第一党支部');
  });
});

describe('formatOrgPath', () => {
  it('joins county to branch', () => {
    expect(
      formatOrgPath([
        { id: 'c', name: '示范县委组织部', type: 'county' },
        { id: 'b', name: '第一党支部', type: 'branch' },
      ]),
    ).toBe('示范县委组织部 › 第一党支部');
  });
});

describe('sessionRedirect', () => {
  it('sends people who are not bound members where they belong', () => {
    expect(sessionRedirect({ kind: 'unbound' })).toBe('/pages/bind/index');
    expect(sessionRedirect({ kind: 'pending', branchName: 'x' })).toBe('/pages/bind/index');
    expect(sessionRedirect({ kind: 'no-identity' })).toBe('/pages/dev-login/index');
    expect(sessionRedirect({ kind: 'loading' })).toBeNull();
  });
});

describe('groupIdentities', () => {
  it('groups the picker by role, admins first, and leaves out empty groups', () => {
    const person = (openid: string, role: DevIdentity['role']): DevIdentity => ({
      openid,
      name: openid,
      role,
      orgName: '',
      description: '',
    });
    const groups = groupIdentities([person('demo-member', 'member'), person('demo-admin', 'admin'), person('x', 'unbound')]);
    expect(groups.map((g) => [g.label, g.identities.map((i) => i.openid)])).toEqual([
      ['组织部管理员', ['demo-admin']],
      ['党员', ['demo-member']],
      ['未绑定用户', ['x']],
    ]);
  });
});
