import { DEV_APPID, identityEnv, withUserInfo } from '../caller-identity';

describe('caller identity', () => {
  it('sets the WX_ variables getWXContext reads, listed in WX_CONTEXT_KEYS', () => {
    const env = identityEnv({ openid: 'o-1', unionid: 'u-1' }, 'wx_client');
    expect(env).toEqual({
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
      WX_OPENID: 'o-1',
      WX_UNIONID: 'u-1',
      WX_APPID: DEV_APPID,
      WX_CLIENTIP: '127.0.0.1',
      TCB_SOURCE: 'wx_client',
    });
  });

  it('sets no OPENID for an anonymous call', () => {
    expect(identityEnv(null, 'wx_function')).not.toHaveProperty('WX_OPENID');
  });

  it('injects userInfo into object events of identified callers only', () => {
    expect(withUserInfo({ action: 'login' }, { openid: 'o-1' })).toEqual({
      action: 'login',
      userInfo: { appId: DEV_APPID, openId: 'o-1' },
    });
    expect(withUserInfo({ action: 'login' }, null)).toEqual({ action: 'login' });
    expect(withUserInfo([1], { openid: 'o-1' })).toEqual([1]);
  });
});
