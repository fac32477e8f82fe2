import { View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { DevSwitchLink } from '../../components/dev-switch-link';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { Pill } from '../../components/pill';
import { formatOrgPath } from '../../lib/org-path';
import { roleLabels } from '../../lib/role-labels';
import { ROUTES } from '../../lib/routes';
import { open } from '../../services/navigation';
import './index.scss';

function Row({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <View className="mine__row">
      <View className="mine__label">{label}</View>
      <View className="mine__value" data-testid={testId}>
        {value}
      </View>
    </View>
  );
}

function Mine({ me }: { me: Me }) {
  return (
    <View className="mine">
      <View className="mine__card">
        <View className="mine__name" data-testid="mine-name">
          {me.name}
        </View>
        <View className="mine__roles" data-testid="mine-roles">
          {roleLabels(me.roles).map((label) => (
            <Pill key={label} tone="solid">
              {label}
            </Pill>
          ))}
        </View>
      </View>
      <View className="mine__card">
        <Row label="手机号" value={me.phoneMasked} testId="mine-phone" />
        <Row label="所在支部" value={me.branch.name} testId="mine-branch" />
        <Row label="组织关系" value={formatOrgPath(me.orgPath)} testId="mine-org-path" />
      </View>
      {/* 开启学习提醒 lives in a subpackage page: the stats contract stays out of the main package. */}
      <View className="mine__card mine__link" onClick={() => open(ROUTES.studyReminder)} data-testid="mine-study-reminder">
        <View className="mine__link-text">开启学习提醒</View>
        <View className="mine__link-arrow">›</View>
      </View>
      <DevSwitchLink />
    </View>
  );
}

export default function MinePage() {
  return (
    <PageFrame>
      <MemberGate>{(me) => <Mine me={me} />}</MemberGate>
    </PageFrame>
  );
}
