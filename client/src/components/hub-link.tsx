import { View } from '@tarojs/components';
import './hub-link.scss';

/** A row of a back-office hub (组织部后台, 支部管理): title, one line of what it is for, and an arrow. */
export function HubLink({
  title,
  description,
  testId,
  onOpen,
}: {
  title: string;
  description: string;
  testId: string;
  onOpen: () => void;
}) {
  return (
    <View className="hub-link" data-testid={testId} onClick={onOpen}>
      <View className="hub-link__text">
        <View className="hub-link__title">{title}</View>
        <View className="hub-link__desc">{description}</View>
      </View>
      <View className="hub-link__arrow">›</View>
    </View>
  );
}
