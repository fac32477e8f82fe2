import { View } from '@tarojs/components';
import type { RoleEntry } from '../lib/role-entries';
import './entry-card.scss';

/** A workplace a role opens (支部管理, 组织部后台); tapping loads its subpackage. */
export function EntryCard({ entry, onOpen }: { entry: RoleEntry; onOpen: (entry: RoleEntry) => void }) {
  return (
    <View className="entry-card" data-testid={`entry-${entry.key}`} onClick={() => onOpen(entry)}>
      <View className="entry-card__text">
        <View className="entry-card__title">{entry.title}</View>
        <View className="entry-card__desc">{entry.description}</View>
      </View>
      <View className="entry-card__arrow">›</View>
    </View>
  );
}
