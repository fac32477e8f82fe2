import { View } from '@tarojs/components';
import type { Me } from '@zbxx/contracts';
import { EntryCard } from '../../components/entry-card';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { PartyDayHomeCard } from '../../components/party-day-home-card';
import { StudyHomeCard } from '../../components/study-home-card';
import { TaskCard } from '../../components/task-card';
import { formatMonth } from '../../lib/format-month';
import { MONTH_TASKS } from '../../lib/month-tasks';
import { formatOrgPath } from '../../lib/org-path';
import { roleEntries } from '../../lib/role-entries';
import { open } from '../../services/navigation';
import './index.scss';

function Home({ me }: { me: Me }) {
  return (
    <View className="home">
      <View className="home__hero">
        <View className="home__greeting">
          <View className="home__name" data-testid="home-member-name">
            {me.name}
          </View>
          <View className="home__hello">同志，您好</View>
        </View>
        <View className="home__branch" data-testid="home-branch-name">
          {me.branch.name}
        </View>
        <View className="home__path" data-testid="home-org-path">
          {formatOrgPath(me.orgPath)}
        </View>
      </View>

      <View className="home__section">
        <View className="home__section-title" data-testid="home-month">
          {formatMonth(me.month)}任务
        </View>
        <StudyHomeCard />
        {MONTH_TASKS.filter((task) => task.key !== 'study' && task.key !== 'party-day').map((task) => (
          <TaskCard key={task.key} task={task} />
        ))}
        <PartyDayHomeCard />
      </View>

      {roleEntries(me).map((entry) => (
        <EntryCard key={entry.key} entry={entry} onOpen={() => open(entry.route)} />
      ))}
    </View>
  );
}

export default function HomePage() {
  return (
    <PageFrame>
      <MemberGate>{(me) => <Home me={me} />}</MemberGate>
    </PageFrame>
  );
}
