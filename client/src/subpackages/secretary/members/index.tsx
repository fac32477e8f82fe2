import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { BranchSwitch } from '../../../components/branch-switch';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { RosterEntryCard } from '../../../components/roster-entry-card';
import { useAsync } from '../../../hooks/use-async';
import { orgService } from '../../../services/org';
import './index.scss';

function BranchMembers({ me }: { me: Me }) {
  const [branchId, setBranchId] = useState(me.scope.secretaryOf[0]?.id ?? me.branch.id);
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const { state, reload } = useAsync(() => orgService.branchMembers(branchId, submitted), [branchId, submitted]);
  return (
    <View className="branch-members">
      {me.scope.secretaryOf.length > 1 && <BranchSwitch branches={me.scope.secretaryOf} current={branchId} onChange={setBranchId} />}
      <Input
        className="branch-members__search"
        value={query}
        placeholder="搜索姓名"
        confirmType="search"
        onInput={(e) => setQuery(e.detail.value)}
        onConfirm={() => setSubmitted(query.trim())}
      />
      {state.kind === 'loading' && <LoadingSkeleton />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <View>
          <View className="branch-members__total" data-testid="branch-members-total">
            共 {state.data.total} 人，已绑定 {state.data.items.filter((i) => i.bound).length} 人
          </View>
          {state.data.items.map((entry) => (
            <RosterEntryCard key={entry.memberId} entry={entry} />
          ))}
        </View>
      )}
    </View>
  );
}

export default function BranchMembersPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <BranchMembers me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
