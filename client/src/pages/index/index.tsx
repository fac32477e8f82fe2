import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me } from '@zbxx/contracts';
import { EntryCard } from '../../components/entry-card';
import { MemberGate } from '../../components/member-gate';
import { PageFrame } from '../../components/page-frame';
import { PartyDayHomeCard } from '../../components/party-day-home-card';
import { StudyHomeCard } from '../../components/study-home-card';
import { TaskCard } from '../../components/task-card';
import type { AsyncState } from '../../hooks/use-async';
import { useHomeCards } from '../../hooks/use-home';
import { formatMonth } from '../../lib/format-month';
import { MONTH_TASKS } from '../../lib/month-tasks';
import { formatOrgPath } from '../../lib/org-path';
import { quizHomeLine } from '../../lib/quiz-home-line';
import { roleEntries } from '../../lib/role-entries';
import { open } from '../../services/navigation';
import './index.scss';

/** One card's slice of the home call's state. */
function slice<T, K extends keyof T>(state: AsyncState<T>, key: K): AsyncState<T[K]> {
  return state.kind === 'ready' ? { kind: 'ready', data: state.data[key] } : state;
}

const QUIZ_TASK = MONTH_TASKS.find((task) => task.key === 'quiz')!;

function Home({ me }: { me: Me }) {
  const { state } = useHomeCards();
  const quiz = slice(state, 'quiz');
  const quizLine = quiz.kind === 'ready' ? quizHomeLine(quiz.data) : quiz.kind === 'error' ? '暂时无法加载' : QUIZ_TASK.description;
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
        <StudyHomeCard state={slice(state, 'study')} />
        <TaskCard
          task={{ ...QUIZ_TASK, description: quizLine, available: true }}
          onOpen={() => void Taro.switchTab({ url: QUIZ_TASK.route })}
        />
        <PartyDayHomeCard state={slice(state, 'partyDay')} />
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
