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

function SecretaryHome({ me }: { me: Me }) {
  return (
    <View className="secretary-home">
      <View className="secretary-home__title">支部管理</View>
      <View className="secretary-home__branch" data-testid="secretary-branches">
        {me.scope.secretaryOf.map((org) => org.name).join('、')}
      </View>
      <HubLink
        testId="secretary-link-stats"
        title="本月完成情况"
        description="谁还没学习、答题、参加党日；一键催学"
        onOpen={() => openStats(STATS_ROUTES.matrix)}
      />
      <HubLink
        testId="secretary-link-members"
        title="本支部党员"
        description="花名册和绑定情况"
        onOpen={() => open(ROUTES.secretaryMembers)}
      />
      <HubLink
        testId="secretary-link-approvals"
        title="邀请码与入支审核"
        description="出示、重置邀请码，审核加入申请"
        onOpen={() => open(ROUTES.secretaryApprovals)}
      />
      <HubLink
        testId="secretary-link-party-day"
        title="主题党日"
        description="安排活动、出示签到码、考勤表与请假审批"
        onOpen={() => open(ROUTES.secretaryPartyDay)}
      />
      <HubLink
        testId="secretary-link-study"
        title="学习情况"
        description="本月每月一学完成情况"
        onOpen={() => openStudyPage(STUDY_ROUTES.secretary)}
      />
      <HubLink
        testId="secretary-link-quiz"
        title="答题情况"
        description="党规答题成绩与诚信提示"
        onOpen={() => open(ROUTES.secretaryQuiz)}
      />
    </View>
  );
}

export default function SecretaryHomePage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="secretary">
            <SecretaryHome me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
