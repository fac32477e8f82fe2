import { ComingSoon } from '../../components/coming-soon';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';

export default function PartyDayPage() {
  return (
    <PageFrame>
      <MemberGate>
        {() => (
          <ComingSoon
            title="主题党日"
            summary="每月10日前后的主题党日活动，签到、请假、补学都在这里。"
            features={[
              '查看本月活动主题、时间和地点',
              '到场后扫支部书记出示的签到码，一扫即签',
              '有事不能参加可以提前请假',
              '请假后按要求完成补学，本月照样算完成',
            ]}
          />
        )}
      </MemberGate>
    </PageFrame>
  );
}
