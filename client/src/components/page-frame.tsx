import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from '../ui/nut';
import { theme } from '../ui/theme';
import { PrivacySheet } from './privacy-sheet';
import './page-frame.scss';

/** Every page's outer box: party-red NutUI theme, the app's large base text, and the privacy consent sheet. */
export function PageFrame({ children }: { children?: ReactNode }) {
  return (
    <ConfigProvider theme={theme}>
      <View className="page-frame">{children}</View>
      <PrivacySheet />
    </ConfigProvider>
  );
}
