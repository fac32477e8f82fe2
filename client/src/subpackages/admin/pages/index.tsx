import { ComingSoon } from '../../../components/coming-soon';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';

export default function AdminHomePage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <ComingSoon
              title="组织部后台"
              summary="面向县（区）委组织部：发布每月计划，掌握各支部完成情况。"
              features={[
                '向所辖党组织发布月度学习材料、答题和主题党日安排',
                '从 Excel 导入题库和党员名册',
                '按党委、党总支、党支部查看完成率和参学率',
                '导出汇报所需的统计表（Excel）',
              ]}
            />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
