import { createBranchResolver, type ResolvableOrg } from '../branch-resolver';

const orgs: ResolvableOrg[] = [
  { id: 'county', name: '清河县委组织部', type: 'county', ancestors: [] },
  { id: 'c1', name: '城关镇党委', type: 'committee', ancestors: ['county'] },
  { id: 'c2', name: '县直机关工委', type: 'committee', ancestors: ['county'] },
  { id: 'b1', name: '东关社区党支部', type: 'branch', ancestors: ['county', 'c1'] },
  { id: 'b2', name: '机关党支部', type: 'branch', ancestors: ['county', 'c1'] },
  { id: 'b3', name: '机关党支部', type: 'branch', ancestors: ['county', 'c2'] },
  { id: 'b4', name: '西关社区党支部', type: 'branch', ancestors: ['county', 'c1'], retired: true },
];
const resolve = createBranchResolver(orgs);

describe('branch name resolution', () => {
  it('resolves a unique name, ignoring spaces and full-width forms', () => {
    expect(resolve('东关社区党支部')).toEqual({ ok: true, branchId: 'b1' });
    expect(resolve(' 东关 社区党支部 ')).toEqual({ ok: true, branchId: 'b1' });
  });

  it('needs a path for a name two branches share, and accepts it from any level', () => {
    expect(resolve('机关党支部')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(resolve('县直机关工委/机关党支部')).toEqual({ ok: true, branchId: 'b3' });
    expect(resolve('清河县委组织部／城关镇党委／机关党支部')).toEqual({ ok: true, branchId: 'b2' });
  });

  it('refuses unknown names, wrong paths, non-branches, retired branches and empty cells', () => {
    expect(resolve('北关社区党支部')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolve('县直机关工委/东关社区党支部')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolve('城关镇党委')).toEqual({ ok: false, reason: 'unknown' });
    expect(resolve('西关社区党支部')).toEqual({ ok: false, reason: 'retired' });
    expect(resolve('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});
