import { ComingSoon } from '../../../components/coming-soon';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';

export default function SecretaryHomePage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <ComingSoon
              title="支部管理"
              summary="支部书记的工作台：本月谁学了、谁答了、谁参加了党日，一屏看清。"
              features={[
                '本支部党员本月学习、答题、党日完成情况',
                '一键提醒还没完成的党员（催学）',
                '主题党日现场出示轮换签到码，登记请假和补学',
                '审核用邀请码申请加入本支部的党员',
              ]}
            />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
