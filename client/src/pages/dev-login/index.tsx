import { View } from '@tarojs/components';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { PageFrame } from '../../components/page-frame';
import { useChooseIdentity } from '../../hooks/use-choose-identity';
import { useDevIdentities } from '../../hooks/use-dev-identities';
import { getDevOpenid } from '../../services/dev-identity';
import './index.scss';

/** Browser-only stand-in for WeChat login: pick which demo person devcloud should treat you as. */
export default function DevLoginPage() {
  const identities = useDevIdentities();
  const { choose, chooseNewUnbound } = useChooseIdentity();
  const current = getDevOpenid();

  return (
    <PageFrame>
      <View className="dev-login">
        <View className="dev-login__intro">这是本地开发环境（devcloud）。浏览器里没有微信登录，请选择以哪位演示用户的身份使用。</View>
        {identities.kind === 'loading' && <LoadingSkeleton cards={2} />}
        {identities.kind === 'error' && <ErrorState error={identities.error} onRetry={identities.reload} />}
        {identities.kind === 'ready' &&
          identities.groups.map((group) => (
            <View key={group.role} className="dev-login__group" data-testid={`identity-group-${group.role}`}>
              <View className="dev-login__group-title">{group.label}</View>
              {group.identities.map((identity) => (
                <View
                  key={identity.openid}
                  className={`dev-login__item ${identity.openid === current ? 'dev-login__item--current' : ''}`}
                  data-testid={`identity-${identity.openid}`}
                  onClick={() => choose(identity.openid)}
                >
                  <View className="dev-login__name">{identity.name}</View>
                  <View className="dev-login__meta">{[identity.description, identity.openid].filter(Boolean).join(' · ')}</View>
                </View>
              ))}
            </View>
          ))}
        <View className="dev-login__group">
          <View className="dev-login__group-title">其他</View>
          <View className="dev-login__item" data-testid="identity-new-unbound" onClick={chooseNewUnbound}>
            <View className="dev-login__name">新微信用户（未绑定）</View>
            <View className="dev-login__meta">随机生成一个从未绑定过的微信身份，用来体验绑定流程</View>
          </View>
        </View>
      </View>
    </PageFrame>
  );
}
