import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { RosterEntry } from '@zbxx/contracts';
import { Pill } from './pill';
import './roster-entry-card.scss';

const ROLE_NAMES = { secretary: '书记', admin: '管理员' } as const;

/** One person of a roster: who, where, how to reach them (masked unless the server sent the full number). */
export function RosterEntryCard({ entry, onTap, children }: { entry: RosterEntry; onTap?: () => void; children?: ReactNode }) {
  return (
    <View className="roster-entry" data-testid={`roster-entry-${entry.memberId}`} onClick={onTap}>
      <View className="roster-entry__head">
        <View className="roster-entry__name">
          {entry.name}
          <View className="roster-entry__gender">{entry.gender === 'male' ? '男' : '女'}</View>
        </View>
        <View className="roster-entry__pills">
          {entry.roles.map((grant) => (
            <Pill key={`${grant.role}-${grant.org.id}`} tone="solid">
              {ROLE_NAMES[grant.role]}
            </Pill>
          ))}
          <Pill tone="soft">{entry.bound ? '已绑定' : '未绑定'}</Pill>
        </View>
      </View>
      <View className="roster-entry__line">
        {entry.duty} · {entry.phone ?? entry.phoneMasked}
      </View>
      <View className="roster-entry__line">{entry.branch.name}</View>
      {entry.joinedPartyOn && <View className="roster-entry__line">入党日期 {entry.joinedPartyOn}</View>}
      {children}
    </View>
  );
}
