import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MemberDetail } from '@zbxx/contracts';
import { ErrorState } from '../../../components/error-state';
import { LoadingSkeleton } from '../../../components/loading-skeleton';
import { RolePage } from '../../../components/role-page';
import { useAsync } from '../../../hooks/use-async';
import { formatMonth } from '../../../lib/format-month';
import { formatEventTime } from '../../../lib/party-day-format';
import { formatScore, missingText, partyDayLabel, quizLabel, studyLabel, TASK_LABELS } from '../../../lib/stats-format';
import { statsService } from '../../../services/stats';
import { statsViewerRole } from './viewer-role';
import './member.scss';

const ATTENDANCE_TEXT = (state: MemberDetail['partyDay'][number]['state']) => partyDayLabel({ status: state }).text;

function Section({
  title,
  children,
  empty,
  emptyText = '本月没有此项任务',
}: {
  title: string;
  children: ReactNode;
  empty: boolean;
  emptyText?: string;
}) {
  return (
    <View className="member-stats__section">
      <View className="member-stats__section-title">{title}</View>
      {empty ? <View className="member-stats__hint">{emptyText}</View> : children}
    </View>
  );
}

function Detail({ data }: { data: MemberDetail }) {
  const { row } = data;
  return (
    <View className="member-stats">
      <View className="member-stats__name" data-testid="member-detail-name">
        {data.member.name}
      </View>
      <View className="member-stats__meta">
        {data.member.branch.name}
        {data.member.duty ? ` · ${data.member.duty}` : ''} · {formatMonth(data.month)}
      </View>
      <View className={`member-stats__verdict ${row.complete ? 'is-done' : ''}`} data-testid="member-detail-verdict">
        {missingText(row.missing)}
      </View>
      <View className="member-stats__cells">
        <View>学习：{studyLabel(row.study).text}</View>
        <View>答题：{quizLabel(row.quiz).text}</View>
        <View>党日：{partyDayLabel(row.partyDay).text}</View>
      </View>

      <Section title="每月一学" empty={data.study.length === 0}>
        {data.study.map((item) => (
          <View key={item.materialId} className="member-stats__item">
            <View className="member-stats__item-title">{item.title}</View>
            <View className={item.completedAt ? 'is-ok' : 'is-bad'}>
              {item.completedAt ? `${formatEventTime(item.completedAt)} 读完` : `已读 ${item.percent}%`}
            </View>
          </View>
        ))}
      </Section>

      <Section title="党规答题" empty={data.quiz.length === 0}>
        {data.quiz.map((round) => (
          <View key={round.roundId} className="member-stats__item">
            <View className="member-stats__item-title">
              {round.title}（{round.passMark}分合格）
            </View>
            {round.attempts.length === 0 && <View className="is-bad">未答题</View>}
            {round.attempts.map((attempt) => (
              <View key={attempt.attemptNumber} className={attempt.passed ? 'is-ok' : 'is-warn'}>
                第{attempt.attemptNumber}次：
                {attempt.score === null ? '答题中' : `${formatScore(attempt.score)}分 ${attempt.passed ? '合格' : '未合格'}`}
                {attempt.finishedAt ? ` · ${formatEventTime(attempt.finishedAt)}` : ''}
              </View>
            ))}
          </View>
        ))}
      </Section>

      <Section title="主题党日" empty={data.partyDay.length === 0}>
        {data.partyDay.map((event) => (
          <View key={event.eventId} className="member-stats__item">
            <View className="member-stats__item-title">{event.theme}</View>
            <View>
              {formatEventTime(event.startsAt)} · {event.branchName} · {ATTENDANCE_TEXT(event.state)}
              {event.checkedInAt ? `（${formatEventTime(event.checkedInAt)} 签到）` : ''}
            </View>
          </View>
        ))}
      </Section>

      <Section title="催学记录" empty={data.reminders.length === 0} emptyText="还没有催学记录">
        {data.reminders.map((reminder, index) => (
          <View key={index} className="member-stats__item" data-testid="member-detail-reminder">
            {formatEventTime(reminder.sentAt)} {reminder.by === 'secretary' ? '书记催学' : '自动提醒'}：
            {reminder.missing.map((kind) => TASK_LABELS[kind]).join('、')}
          </View>
        ))}
      </Section>
    </View>
  );
}

function MemberStats({ memberId, month }: { memberId: string; month?: string }) {
  const { state, reload } = useAsync(() => statsService.memberDetail(memberId, month), [memberId, month]);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return <Detail data={state.data} />;
}

export default function MemberStatsPage() {
  const { params } = useRouter();
  return <RolePage role={statsViewerRole}>{() => <MemberStats memberId={params.memberId ?? ''} month={params.month} />}</RolePage>;
}
