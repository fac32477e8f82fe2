import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { DevSwitchLink } from '../../components/dev-switch-link';
import { ErrorState } from '../../components/error-state';
import { LoadingSkeleton } from '../../components/loading-skeleton';
import { PageFrame } from '../../components/page-frame';
import { useBindForm } from '../../hooks/use-bind-form';
import { useSession } from '../../hooks/use-session';
import { ROUTES } from '../../lib/routes';
import { relaunch } from '../../services/navigation';
import { Button } from '../../ui/nut';
import { BindFormView } from './bind-form-view';
import './index.scss';

function PendingApproval({ branchName, onRefresh }: { branchName: string; onRefresh: () => void }) {
  return (
    <View className="bind__pending" data-testid="bind-pending">
      <View className="bind__pending-title">等待支部书记审核</View>
      <View className="bind__pending-text">您的绑定申请已提交到「{branchName}」。支部书记审核通过后，点下方按钮即可进入。</View>
      <Button type="primary" size="large" block onClick={onRefresh}>
        刷新审核状态
      </Button>
    </View>
  );
}

function UnboundForm() {
  const { update, reload } = useSession();
  const bindForm = useBindForm({ onStale: reload });
  const submit = async () => {
    const result = await bindForm.submit();
    if (result) update(result);
  };
  return <BindFormView {...bindForm} onSubmit={submit} />;
}

export default function BindPage() {
  const { state, reload } = useSession();

  // A bound member has nothing to do here; in h5 nobody is logged in until an identity is picked.
  useEffect(() => {
    if (state.kind === 'bound') relaunch(ROUTES.home);
    if (state.kind === 'no-identity') relaunch(ROUTES.devLogin);
  }, [state.kind]);

  return (
    <PageFrame>
      {state.kind === 'loading' && <LoadingSkeleton cards={1} />}
      {state.kind === 'error' && <ErrorState title="登录失败" error={state.error} onRetry={reload} />}
      {state.kind === 'pending' && <PendingApproval branchName={state.branchName} onRefresh={reload} />}
      {state.kind === 'unbound' && <UnboundForm />}
      {(state.kind === 'bound' || state.kind === 'no-identity') && <View>正在跳转…</View>}
      <DevSwitchLink />
    </PageFrame>
  );
}
