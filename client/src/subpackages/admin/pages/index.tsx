import { View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { HubLink } from '../../../components/hub-link';
import { MemberGate } from '../../../components/member-gate';
import { PageFrame } from '../../../components/page-frame';
import { RoleOnly } from '../../../components/role-only';
import { ROUTES } from '../../../lib/routes';
import { open } from '../../../services/navigation';
import { openStats, STATS_ROUTES } from '../../../services/stats-navigation';
import { openStudyPage, STUDY_ROUTES } from '../../../services/study-navigation';
import './index.scss';

function AdminHome({ me }: { me: Me }) {
  return (
    <View className="admin-home">
      <View className="admin-home__title">组织部后台</View>
      <View className="admin-home__scope" data-testid="admin-scope">
        管理范围：{me.scope.adminOf.map((org) => org.name).join('、')}
      </View>
      <HubLink
        testId="admin-link-stats"
        title="完成情况统计"
        description="各级组织学习、答题、党日完成率，对照达标线；逐级查看到支部和党员"
        onOpen={() => openStats(STATS_ROUTES.dashboard)}
      />
      <HubLink
        testId="admin-link-stats-trend"
        title="完成率趋势"
        description="近 6 个月、12 个月的变化"
        onOpen={() => openStats(STATS_ROUTES.trend)}
      />
      <HubLink
        testId="admin-link-stats-export"
        title="导出统计报表"
        description="按月份范围导出 Excel：汇总、党员明细、主题党日、答题分析、年度数据"
        onOpen={() => openStats(STATS_ROUTES.export)}
      />
      <HubLink
        testId="admin-link-stats-settings"
        title="达标线与自动催学"
        description="设置各项完成率的达标线和每月自动催学的日期"
        onOpen={() => openStats(STATS_ROUTES.settings)}
      />
      <HubLink
        testId="admin-link-import"
        title="导入花名册"
        description="下载模板，从 Excel 批量导入、更新党员"
        onOpen={() => open(ROUTES.adminImport)}
      />
      <HubLink
        testId="admin-link-roster"
        title="党员花名册"
        description="查找党员，任免支部书记，办理组织关系转接"
        onOpen={() => open(ROUTES.adminRoster)}
      />
      <HubLink
        testId="admin-link-org"
        title="组织架构"
        description="新建、重命名、调整和撤销党组织"
        onOpen={() => open(ROUTES.adminOrgTree)}
      />
      <HubLink
        testId="admin-link-study"
        title="每月一学"
        description="发布学习材料和月度学习计划"
        onOpen={() => openStudyPage(STUDY_ROUTES.admin)}
      />
      <HubLink testId="admin-link-quiz" title="党规题库" description="查看题库，从 Excel 导入题目" onOpen={() => open(ROUTES.adminQuiz)} />
      <HubLink
        testId="admin-link-quiz-rounds"
        title="答题活动"
        description="按分类抽题组卷，设置时间、次数和公布答案的方式；查看试题分析"
        onOpen={() => open(ROUTES.adminQuizRounds)}
      />
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
