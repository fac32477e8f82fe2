import { DEV_OPENID_KEY, getDevOpenid, makeUnboundOpenid, setDevOpenid } from '../dev-identity';

describe('dev identity (h5)', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the chosen openid under the key devcloud tests use', () => {
    expect(getDevOpenid()).toBeNull();
    setDevOpenid('demo-member');
    expect(getDevOpenid()).toBe('demo-member');
    expect(localStorage.getItem(DEV_OPENID_KEY)).toBe('demo-member');
  });

  it('makes distinct unbound openids that no demo identity uses', () => {
    const a = makeUnboundOpenid(() => 0.1);
    const b = makeUnboundOpenid(() => 0.2);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^dev-new-[a-z0-9]{8}$/);
  });
});
