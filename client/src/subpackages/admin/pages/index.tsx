import { View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { HubLink } from '../../../components/hub-link';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { ROUTES } from '../../../lib/routes';
import { open } from '../../../services/navigation';
import { openStudyPage, STUDY_ROUTES } from '../../../services/study-navigation';
import './index.scss';

function AdminHome({ me }: { me: Me }) {
  return (
    <View className="admin-home">
      <View className="admin-home__title">组织部后台</View>
      <View className="admin-home__scope" data-testid="admin-scope">
        管理范围：{me.scope.adminOf.map((org) => org.name).join('、')}
      </View>
      <HubLink testId="admin-link-import" title="导入花名册" description="下载模板，从 Excel 批量导入、更新党员" onOpen={() => open(ROUTES.adminImport)} />
      <HubLink testId="admin-link-roster" title="党员花名册" description="查找党员，任免支部书记，办理组织关系转接" onOpen={() => open(ROUTES.adminRoster)} />
      <HubLink testId="admin-link-org" title="组织架构" description="新建、重命名、调整和撤销党组织" onOpen={() => open(ROUTES.adminOrgTree)} />
      <HubLink testId="admin-link-study" title="每月一学" description="发布学习材料和月度学习计划" onOpen={() => openStudyPage(STUDY_ROUTES.admin)} />
      <HubLink testId="admin-link-quiz" title="党规题库" description="查看题库，从 Excel 导入题目" onOpen={() => open(ROUTES.adminQuiz)} />
      <HubLink testId="admin-link-quiz-rounds" title="答题活动" description="按分类抽题组卷，设置时间、次数和公布答案的方式；查看试题分析" onOpen={() => open(ROUTES.adminQuizRounds)} />
    </View>
  );
}

export default function AdminHomePage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <AdminHome me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
