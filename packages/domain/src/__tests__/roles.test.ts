import { deriveRoles, deriveScope, primaryRole, scopeCoversPath } from '../roles';

describe('roles and scope', () => {
  it('makes every bound person a member', () => {
    expect(deriveRoles([])).toEqual(['member']);
    expect(primaryRole([])).toBe('member');
  });

  it('orders roles from least to most privileged without duplicates', () => {
    const grants = [
      { role: 'admin', orgId: 'county' },
      { role: 'secretary', orgId: 'b1' },
      { role: 'secretary', orgId: 'b2' },
    ] as const;
    expect(deriveRoles(grants)).toEqual(['member', 'secretary', 'admin']);
    expect(primaryRole(grants)).toBe('admin');
    expect(deriveScope(grants)).toEqual({ secretaryOf: ['b1', 'b2'], adminOf: ['county'] });
  });

  it('lets a secretary reach their branch only', () => {
    const scope = deriveScope([{ role: 'secretary', orgId: 'b1' }]);
    expect(scopeCoversPath(scope, ['county', 'c1', 'b1'])).toBe(true);
    expect(scopeCoversPath(scope, ['county', 'c1', 'b2'])).toBe(false);
  });

  it('lets an admin reach the whole subtree', () => {
    const scope = deriveScope([{ role: 'admin', orgId: 'c1' }]);
    expect(scopeCoversPath(scope, ['county', 'c1', 'g1', 'b7'])).toBe(true);
    expect(scopeCoversPath(scope, ['county', 'c2', 'b8'])).toBe(false);
  });
});
