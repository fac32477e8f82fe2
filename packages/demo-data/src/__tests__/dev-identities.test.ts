import { devIdentitySchema } from '@zbxx/contracts';
import { devIdentities } from '../dev-identities';
import { DEMO_OPENIDS, generateCounty } from '../generate-county';

describe('devIdentities', () => {
  const { collections } = generateCounty({ today: new Date('2026-12-08T10:00:00+08:00') });
  const identities = devIdentities(collections);

  it('lists every demo identity, most privileged first, in the contract’s shape', () => {
    expect(identities.map((identity) => identity.openid)).toEqual([
      DEMO_OPENIDS.admin,
      DEMO_OPENIDS.admin2,
      DEMO_OPENIDS.secretary,
      DEMO_OPENIDS.secretary2,
      DEMO_OPENIDS.member,
      DEMO_OPENIDS.member2,
      DEMO_OPENIDS.pending,
      DEMO_OPENIDS.unbound,
    ]);
    for (const identity of identities) expect(devIdentitySchema.parse(identity)).toEqual(identity);
  });

  it('names the org each identity acts on', () => {
    const byOpenid = new Map(identities.map((identity) => [identity.openid, identity]));
    expect(byOpenid.get(DEMO_OPENIDS.admin)).toMatchObject({ role: 'admin', name: '林晓梅', orgName: '清河县委组织部' });
    expect(byOpenid.get(DEMO_OPENIDS.secretary)).toMatchObject({ role: 'secretary', name: '王建华', orgName: '城关镇东关社区党支部' });
    expect(byOpenid.get(DEMO_OPENIDS.member)).toMatchObject({ role: 'member', orgName: '城关镇东关社区党支部' });
  });

  it('tells the unbound user what to type to bind', () => {
    const unbound = identities.find((identity) => identity.role === 'unbound')!;
    expect(unbound.description).toContain('孙桂兰');
    expect(unbound.description).toContain('2468');
  });
});
