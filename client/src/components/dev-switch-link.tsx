import { View } from '@tarojs/components';
import { ROUTES } from '../lib/routes';
import { relaunch } from '../services/navigation';
import './dev-switch-link.scss';

/** h5 only: back to the dev identity picker. The constant check lets the weapp build drop it entirely. */
export function DevSwitchLink() {
  if (process.env.TARO_ENV !== 'h5') return null;
  return (
    <View className="dev-switch-link" data-testid="switch-identity" onClick={() => relaunch(ROUTES.devLogin)}>
      切换身份（开发环境）
    </View>
  );
}
