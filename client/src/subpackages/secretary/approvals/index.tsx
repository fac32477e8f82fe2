import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me, PendingBinding } from '@zbxx/contracts';
import { BranchSwitch } from '../../../components/branch-switch';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { useAsync } from '../../../hooks/use-async';
import { runWithFeedback as run } from '../../../services/feedback';
import { orgService } from '../../../services/org';
import { Button } from '../../../ui/nut';
import './index.scss';

function InviteCodeCard({ branchId }: { branchId: string }) {
  const { state, reload } = useAsync(() => orgService.inviteCode(branchId), [branchId]);
  if (state.kind === 'loading') return <LoadingSkeleton cards={1} />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  const reset = async () => {
    const { confirm } = await Taro.showModal({ title: '重置邀请码', content: '重置后旧邀请码立即失效，确定吗？' });
    if (confirm) void run(() => orgService.resetInviteCode(branchId), '已重置', reload);
  };
  return (
    <View className="approvals__code-card">
      <View className="approvals__label">{state.data.branch.name} 邀请码</View>
      <View className="approvals__code" data-testid="invite-code">
        {state.data.inviteCode}
      </View>
      <View className="approvals__hint">新党员在“绑定”页选择“邀请码”，填写姓名和此码申请加入，由您审核。</View>
      <Button size="small" onClick={reset} data-testid="invite-reset">
        重置邀请码
      </Button>
    </View>
  );
}

function RequestCard({
  request,
  unclaimed,
  onChanged,
}: {
  request: PendingBinding;
  unclaimed: { memberId: string; name: string; phoneMasked: string }[];
  onChanged: () => void;
}) {
  const [chosen, setChosen] = useState(request.candidate?.memberId ?? null);
  const picked = unclaimed.find((m) => m.memberId === chosen);
  return (
    <View className="approvals__request" data-testid={`pending-${request.openid}`}>
      <View className="approvals__name">{request.name}</View>
      <View className="approvals__hint">申请时间 {request.createdAt.slice(0, 10)}</View>
      <Picker
        mode="selector"
        range={unclaimed.map((m) => `${m.name} ${m.phoneMasked}`)}
        onChange={(e) => setChosen(unclaimed[Number(e.detail.value)]?.memberId ?? null)}
      >
        <View className="approvals__match">对应花名册：{picked ? `${picked.name} ${picked.phoneMasked}` : '点此选择'}</View>
      </Picker>
      <View className="approvals__buttons">
        <Button
          type="primary"
          size="small"
          disabled={!chosen}
          onClick={() => chosen && run(() => orgService.approveBinding(request.openid, chosen), '已通过', onChanged)}
        >
          通过
        </Button>
        <Button size="small" onClick={() => run(() => orgService.declineBinding(request.openid), '已拒绝', onChanged)}>
          拒绝
        </Button>
      </View>
    </View>
  );
}

function Approvals({ me }: { me: Me }) {
  const [branchId, setBranchId] = useState(me.scope.secretaryOf[0]?.id ?? me.branch.id);
  const { state, reload } = useAsync(() => orgService.pendingBindings(branchId), [branchId]);
  return (
    <View className="approvals">
      {me.scope.secretaryOf.length > 1 && <BranchSwitch branches={me.scope.secretaryOf} current={branchId} onChange={setBranchId} />}
      <InviteCodeCard branchId={branchId} />
      <View className="approvals__title">待审核的申请</View>
      {state.kind === 'loading' && <LoadingSkeleton cards={1} />}
      {state.kind === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && state.data.items.length === 0 && <View className="approvals__empty">暂无待审核的申请</View>}
      {state.kind === 'ready' &&
        state.data.items.map((request) => (
          <RequestCard key={request.openid} request={request} unclaimed={state.data.unclaimed} onChanged={reload} />
        ))}
    </View>
  );
}

export default function ApprovalsPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <Approvals me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
