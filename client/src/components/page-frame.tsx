import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from '../ui/nut';
import { theme } from '../ui/theme';
import './page-frame.scss';

/** Every page's outer box: party-red NutUI theme and the app's large base text. */
export function PageFrame({ children }: { children?: ReactNode }) {
  return (
    <ConfigProvider theme={theme}>
      <View className="page-frame">{children}</View>
    </ConfigProvider>
  );
}
