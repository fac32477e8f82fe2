import { fetchDevIdentities } from '../dev-identities';

const reply = (status: number, body: unknown) =>
  (async () => ({ ok: status < 400, status, json: async () => body })) as unknown as typeof globalThis.fetch;

describe('fetchDevIdentities', () => {
  const admin = {
    openid: 'demo-admin',
    name: '林晓梅',
    role: 'admin',
    orgName: '清河县委组织部',
    description: '管理员（清河县委组织部全部组织）',
  };

  it("reads devcloud's { identities } answer", async () => {
    expect(await fetchDevIdentities(reply(200, { identities: [admin] }))).toEqual([admin]);
  });

  it('rejects entries outside the dev identity contract', async () => {
    const answer = { identities: [admin, { ...admin, openid: 'x', role: 'guest' }] };
    await expect(fetchDevIdentities(reply(200, answer))).rejects.toMatchObject({ code: 'RESPONSE.INVALID' });
  });

  it('explains in Chinese when devcloud is not running', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await expect(fetchDevIdentities(down)).rejects.toMatchObject({
      code: 'NETWORK.UNREACHABLE',
      message: expect.stringMatching(/devcloud/),
    });
  });

  it('rejects an answer without a list', async () => {
    await expect(fetchDevIdentities(reply(200, [admin]))).rejects.toMatchObject({ code: 'RESPONSE.INVALID' });
  });
});
