import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Me, QuizAdminRound, QuizAdminRounds, QuizReviewPolicy } from '@zbxx/contracts';
import { ErrorState } from '../../../../components/error-state';
import { LoadingSkeleton } from '../../../../components/loading-skeleton';
import { MemberGate } from '../../../../components/member-gate';
import { PageFrame } from '../../../../components/page-frame';
import { RoleOnly } from '../../../../components/role-only';
import { useAsync } from '../../../../hooks/use-async';
import { useReloadOn } from '../../../../hooks/use-reload-on';
import { useRoundForm, type MixLevel } from '../../../../hooks/use-round-form';
import { formatMonth } from '../../../../lib/format-month';
import { ROUTES } from '../../../../lib/routes';
import { quizService } from '../../../../services/quiz';
import { Button } from '../../../../ui/nut';
import './index.scss';

type Form = ReturnType<typeof useRoundForm>;
type Timing = QuizReviewPolicy['ownAnswers'];

const WINDOW_LABELS: Record<QuizAdminRound['window'], string> = { upcoming: '未开始', open: '进行中', closed: '已结束' };
const TIMING_CHOICES: { value: Timing; label: string }[] = [
  { value: 'afterSubmit', label: '交卷后' },
  { value: 'afterRoundCloses', label: '活动结束后' },
  { value: 'never', label: '不公布' },
];
const REVIEW_PARTS: { key: keyof QuizReviewPolicy; label: string }[] = [
  { key: 'ownAnswers', label: '本人作答' },
  { key: 'correctAnswers', label: '正确答案' },
  { key: 'explanations', label: '解析与条文' },
];
const MIX_LABELS: Record<MixLevel, string> = { 1: '易', 2: '中', 3: '难' };

function Chips<T extends string>({
  choices,
  value,
  onChange,
  disabled,
}: {
  choices: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  disabled?: boolean;
}) {
  return (
    <View className="quiz-rounds__chips">
      {choices.map((c) => (
        <View
          key={c.value}
          className={`quiz-rounds__chip ${c.value === value ? 'is-active' : ''}`}
          onClick={() => !disabled && onChange(c.value)}
        >
          {c.label}
        </View>
      ))}
    </View>
  );
}

const toInt = (value: string) => Math.max(0, Math.floor(Number(value) || 0));

function QuotaRows({ form, categories }: { form: Form; categories: QuizAdminRounds['categories'] }) {
  const { fields, locked } = form;
  return (
    <View data-testid="round-quota">
      {categories.map(({ category, count: available }) => {
        const row = fields.quota.find((r) => r.category === category);
        return (
          <View key={category} className="quiz-rounds__quota">
            <View
              className={`quiz-rounds__chip ${row ? 'is-active' : ''}`}
              onClick={() => !locked && form.toggleCategory(category, Math.min(2, available))}
            >
              {category}
            </View>
            <View className="quiz-rounds__quota-name">题库 {available} 题</View>
            {row && (
              <>
                <Input
                  className="quiz-rounds__quota-count"
                  type="number"
                  disabled={locked}
                  value={String(row.count)}
                  onInput={(e) => form.setCount(category, toInt(e.detail.value))}
                />
                <View className="quiz-rounds__link" onClick={() => !locked && form.toggleMix(category)}>
                  {row.mix ? '不分难度' : '按难度'}
                </View>
                {row.mix && (
                  <View className="quiz-rounds__quota-mix">
                    {([1, 2, 3] as const).map((level) => (
                      <View key={level} className="quiz-rounds__pair">
                        {MIX_LABELS[level]}
                        <Input
                          className="quiz-rounds__quota-count"
                          type="number"
                          disabled={locked}
                          value={String(row.mix?.[level] ?? 0)}
                          onInput={(e) => form.setMix(category, level, toInt(e.detail.value))}
                        />
                      </View>
                    ))}
                  </View>
                )}
              </>
            )}
          </View>
        );
      })}
    </View>
  );
}

function RoundForm({ form, data }: { form: Form; data: QuizAdminRounds }) {
  const { fields, locked, busy, problems, error } = form;
  return (
    <View className="quiz-rounds__editor" data-testid="round-form">
      <View className="quiz-rounds__heading">{form.editing ? '修改答题活动' : '新建答题活动'}</View>
      {locked && <View className="quiz-rounds__locked">已有党员参加答题：只能修改标题或延后结束日期</View>}
      <View className="quiz-rounds__label">标题</View>
      <Input
        className="quiz-rounds__input"
        value={fields.title}
        placeholder="如：11月党内法规知识测试"
        onInput={(e) => form.change({ title: e.detail.value })}
        data-testid="round-title"
      />
      <View className="quiz-rounds__label">发布范围</View>
      <Chips
        choices={data.orgs.map((o) => ({ value: o.id, label: o.name }))}
        value={fields.orgId}
        onChange={(orgId) => form.change({ orgId })}
        disabled={locked}
      />
      <View className="quiz-rounds__label">所属月份（YYYY-MM）</View>
      <Input
        className="quiz-rounds__input"
        disabled={locked}
        value={fields.month}
        onInput={(e) => form.change({ month: e.detail.value })}
      />
      <View className="quiz-rounds__pair">
        <View>
          <View className="quiz-rounds__label">开始日期</View>
          <Input
            className="quiz-rounds__input"
            disabled={locked}
            value={fields.opensDate}
            onInput={(e) => form.change({ opensDate: e.detail.value })}
          />
        </View>
        <View>
          <View className="quiz-rounds__label">结束日期（含当天）</View>
          <Input className="quiz-rounds__input" value={fields.closesDate} onInput={(e) => form.change({ closesDate: e.detail.value })} />
        </View>
      </View>
      <View className="quiz-rounds__label">抽题：选择分类并设置题数（共 {form.questionCount} 题，满分 100 分）</View>
      <QuotaRows form={form} categories={data.categories} />
      <View className="quiz-rounds__pair">
        <View>
          <View className="quiz-rounds__label">限时（分钟）</View>
          <Input
            className="quiz-rounds__input"
            type="number"
            disabled={locked}
            value={String(fields.timeLimitMinutes)}
            onInput={(e) => form.change({ timeLimitMinutes: toInt(e.detail.value) })}
          />
        </View>
        <View>
          <View className="quiz-rounds__label">可答次数</View>
          <Input
            className="quiz-rounds__input"
            type="number"
            disabled={locked}
            value={String(fields.attemptsAllowed)}
            onInput={(e) => form.change({ attemptsAllowed: toInt(e.detail.value) })}
          />
        </View>
        <View>
          <View className="quiz-rounds__label">合格分</View>
          <Input
            className="quiz-rounds__input"
            type="number"
            disabled={locked}
            value={String(fields.passMark)}
            onInput={(e) => form.change({ passMark: toInt(e.detail.value) })}
          />
        </View>
      </View>
      <View className="quiz-rounds__label">成绩计算</View>
      <Chips
        choices={[
          { value: 'best', label: '取最高分' },
          { value: 'last', label: '取最后一次' },
        ]}
        value={fields.grading}
        onChange={(grading) => form.change({ grading })}
        disabled={locked}
      />
      <View className="quiz-rounds__label">多选题计分</View>
      <Chips
        choices={[
          { value: 'allOrNothing', label: '全对才得分' },
          { value: 'partial', label: '少选得部分分' },
        ]}
        value={fields.multipleChoice}
        onChange={(multipleChoice) => form.change({ multipleChoice })}
        disabled={locked}
      />
      {REVIEW_PARTS.map((part) => (
        <View key={part.key}>
          <View className="quiz-rounds__label">回顾时公布{part.label}</View>
          <Chips
            choices={TIMING_CHOICES}
            value={fields.review[part.key]}
            onChange={(timing) => form.changeReview({ [part.key]: timing })}
            disabled={locked}
          />
        </View>
      ))}
      {problems.map((p) => (
        <View key={p} className="quiz-rounds__problem">
          {p}
        </View>
      ))}
      <View className="quiz-rounds__actions">
        <Button
          size="small"
          type="primary"
          onClick={() => void form.save()}
          disabled={busy || problems.length > 0}
          data-testid="round-save"
        >
          {form.editing ? '保存修改' : '发布'}
        </Button>
        {form.editing && (
          <Button size="small" onClick={form.reset}>
            取消修改
          </Button>
        )}
      </View>
      {error && (
        <View className="quiz-rounds__error" data-testid="round-error">
          {error.message}
        </View>
      )}
    </View>
  );
}

const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 10);
const lastDay = (iso: string) => shanghaiDay(new Date(Date.parse(iso) - 1).toISOString());

function RoundRow({ round, onEdit }: { round: QuizAdminRound; onEdit: () => void }) {
  return (
    <View className="quiz-rounds__row" data-testid="admin-round">
      <View className="quiz-rounds__row-title">
        {round.title}
        <View className={`quiz-rounds__row-status ${round.window === 'open' ? 'is-open' : ''}`}>{WINDOW_LABELS[round.window]}</View>
      </View>
      <View className="quiz-rounds__row-meta">
        {formatMonth(round.month)} · {round.orgName} · {shanghaiDay(round.opensAt)} 至 {lastDay(round.closesAt)}
      </View>
      <View className="quiz-rounds__row-meta">
        {round.questionCount} 题 · 限时 {Math.round(round.timeLimitSeconds / 60)} 分钟 · 可答 {round.attemptsAllowed} 次 · 合格{' '}
        {round.passMark} 分 · 已答 {round.attemptCount} 人次
      </View>
      <View className="quiz-rounds__row-actions">
        <Button size="small" onClick={onEdit}>
          修改
        </Button>
        <Button
          size="small"
          onClick={() => void Taro.navigateTo({ url: `${ROUTES.adminQuizItems}?roundId=${encodeURIComponent(round.roundId)}` })}
          data-testid="round-items"
        >
          试题分析
        </Button>
      </View>
    </View>
  );
}

function AdminRounds({ me }: { me: Me }) {
  const { state, reload } = useAsync(() => quizService.listRounds(), []);
  const form = useRoundForm(me, reload);
  // The bank's counts per category bound the quotas this page offers.
  useReloadOn(['questionBank'], reload);
  if (state.kind === 'loading') return <LoadingSkeleton />;
  if (state.kind === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  return (
    <View className="quiz-rounds">
      <RoundForm form={form} data={state.data} />
      {state.data.rounds.map((round) => (
        <RoundRow key={round.roundId} round={round} onEdit={() => form.load(round)} />
      ))}
    </View>
  );
}

export default function AdminQuizRoundsPage() {
  return (
    <PageFrame>
      <MemberGate>
        {(me) => (
          <RoleOnly me={me} role="admin">
            <AdminRounds me={me} />
          </RoleOnly>
        )}
      </MemberGate>
    </PageFrame>
  );
}
