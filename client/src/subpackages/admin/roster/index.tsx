import { useState } from 'react';
import { Input, Picker, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { RosterEntry } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { RosterEntryCard } from '../../../components/roster-entry-card';
import { useAsync } from '../../../hooks/use-async';
import { useReloadOn } from '../../../hooks/use-reload-on';
import { ROSTER_CHIPS, useRoster } from '../../../hooks/use-roster';
import { orgOptions, type OrgOption } from '../../../lib/org-tree';
import { runWithFeedback as run } from '../../../services/feedback';
import { orgService } from '../../../services/org';
import { Button } from '../../../ui/nut';
import './index.scss';

/** What an admin can do to one person: make or unmake the branch secretary, transfer to another branch. */
function EntryActions({ entry, branches, onChanged }: { entry: RosterEntry; branches: OrgOption[]; onChanged: () => void }) {
  const isSecretary = entry.roles.some((g) => g.role === 'secretary' && g.org.id === entry.branch.id);
  const targets = branches.filter((b) => b.id !== entry.branch.id);
  return (
    <View className="roster-page__actions" onClick={(e) => e.stopPropagation()}>
      <Button
        size="small"
        type={isSecretary ? 'default' : 'primary'}
        data-testid="roster-toggle-secretary"
        onClick={() =>
          run(
            () =>
              isSecretary
                ? orgService.revokeRole(entry.memberId, 'secretary', entry.branch.id)
                : orgService.assignRole(entry.memberId, 'secretary', entry.branch.id),
            isSecretary ? '已免去书记' : '已设为书记',
            onChanged,
          )
        }
      >
        {isSecretary ? '免去支部书记' : '设为支部书记'}
      </Button>
      <Picker
        mode="selector"
        range={targets.map((b) => b.label)}
        onChange={(e) => {
          const target = targets[Number(e.detail.value)];
          if (target) void run(() => orgService.transferMember(entry.memberId, target.id), '已转接', onChanged);
        }}
      >
        <Button size="small">组织关系转接</Button>
      </Picker>
    </View>
  );
}

function Roster() {
  const orgId = useRouter().params.orgId;
  const roster = useRoster(orgId);
  useReloadOn(['roster'], roster.reload);
  const tree = useAsync(() => orgService.tree(), []);
  const branches = tree.state.kind === 'ready' ? orgOptions(tree.state.data.nodes, (n) => n.type === 'branch') : [];
  const scopeName = tree.state.kind === 'ready' && orgId ? tree.state.data.nodes.find((n) => n.id === orgId)?.name : undefined;
  const [open, setOpen] = useState<string | null>(null);
  const { state } = roster;

  return (
    <View className="roster-page">
      {scopeName && <View className="roster-page__scope">{scopeName}</View>}
      <View className="roster-page__search">
        <Input
          className="roster-page__input"
          value={roster.query}
          placeholder="姓名或手机号"
          confirmType="search"
          onInput={(e) => roster.setQuery(e.detail.value)}
          onConfirm={roster.search}
          data-testid="roster-search"
        />
        <Button type="primary" onClick={roster.search} data-testid="roster-search-button">
          搜索
        </Button>
      </View>
      <View className="roster-page__chips">
        {ROSTER_CHIPS.map((chip) => (
          <View
            key={chip.key}
            className={`roster-page__chip ${roster.chip === chip.key ? 'is-active' : ''}`}
            onClick={() => roster.setChip(chip.key)}
            data-testid={`roster-chip-${chip.key}`}
          >
            {chip.label}
          </View>
        ))}
      </View>
      {state.kind === 'loading' && <LoadingSkeleton />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={roster.reload} />}
      {state.kind === 'ready' && (
        <View>
          <View className="roster-page__total" data-testid="roster-total">
            共 {state.data.total} 人
          </View>
          {state.data.items.map((entry) => (
            <RosterEntryCard key={entry.memberId} entry={entry} onTap={() => setOpen(open === entry.memberId ? null : entry.memberId)}>
              {open === entry.memberId && <EntryActions entry={entry} branches={branches} onChanged={roster.reload} />}
            </RosterEntryCard>
          ))}
          {roster.pages > 1 && (
            <View className="roster-page__pager">
              <Button size="small" disabled={roster.page <= 1} onClick={() => roster.setPage(roster.page - 1)}>
                上一页
              </Button>
              <View>
                {roster.page}/{roster.pages}
              </View>
              <Button size="small" disabled={roster.page >= roster.pages} onClick={() => roster.setPage(roster.page + 1)}>
                下一页
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

export default function RosterPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <Roster />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
