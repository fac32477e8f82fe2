import { View } from '@tarojs/components';
import { Pill } from './pill';
import './coming-soon.scss';

export interface ComingSoonProps {
  title: string;
  /** One sentence on why this helps the member. */
  summary: string;
  /** What the finished page will let them do. */
  features: readonly string[];
}

/** Placeholder for a tab whose feature has not landed yet: tells members what to expect, never lorem ipsum. */
export function ComingSoon({ title, summary, features }: ComingSoonProps) {
  return (
    <View className="coming-soon">
      <Pill tone="soft">即将上线</Pill>
      <View className="coming-soon__title">{title}</View>
      <View className="coming-soon__summary">{summary}</View>
      <View className="coming-soon__list">
        {features.map((feature) => (
          <View key={feature} className="coming-soon__item">
            {feature}
          </View>
        ))}
      </View>
    </View>
  );
}
