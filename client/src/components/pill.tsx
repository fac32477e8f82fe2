import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './pill.scss';

/** A short label (role, status). Our own, because NutUI's Tag is sized for 12px text, too small here. */
export function Pill({ tone, children }: { tone: 'solid' | 'soft'; children: ReactNode }) {
  return <View className={`pill pill--${tone}`}>{children}</View>;
}
