import { useState } from 'react';
import type { Me, QuizAdminRound, QuizReviewPolicy, QuizRoundQuota, QuizSaveRoundInput } from '@zbxx/contracts';
import { notifyChanged } from '../lib/data-changes';
import { toAppError, type AppError } from '../services/app-error';
import { quizService } from '../services/quiz';
import { useRequestIdFor } from './use-request-id';

/** Difficulty levels of the optional mix: 易 1, 中 2, 难 3. */
export type MixLevel = 1 | 2 | 3;

export interface QuotaRow {
  category: string;
  count: number;
  /** null: drawn from any difficulty. */
  mix: Record<MixLevel, number> | null;
}

export interface RoundFields {
  roundId?: string;
  orgId: string;
  title: string;
  month: string;
  /** First and last day the round is open (Asia/Shanghai), YYYY-MM-DD. */
  opensDate: string;
  closesDate: string;
  quota: QuotaRow[];
  timeLimitMinutes: number;
  attemptsAllowed: number;
  grading: 'best' | 'last';
  passMark: number;
  multipleChoice: 'allOrNothing' | 'partial';
  review: QuizReviewPolicy;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Shanghai date of an instant. */
function shanghaiDate(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight opening the Shanghai day `date`, plus `days`. */
function shanghaiMidnight(date: string, days = 0): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + days * DAY_MS).toISOString();
}

function blank(me: Me): RoundFields {
  return {
    orgId: me.scope.adminOf[0]?.id ?? '',
    title: '',
    month: me.month,
    // Usually the 11th to the 20th of the month plan's month.
    opensDate: `${me.month}-11`,
    closesDate: `${me.month}-20`,
    quota: [],
    timeLimitMinutes: 20,
    attemptsAllowed: 2,
    grading: 'best',
    passMark: 60,
    multipleChoice: 'allOrNothing',
    review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterRoundCloses', explanations: 'afterRoundCloses' },
  };
}

function fromRound(round: QuizAdminRound): RoundFields {
  return {
    roundId: round.roundId,
    orgId: round.orgId,
    title: round.title,
    month: round.month,
    opensDate: shanghaiDate(Date.parse(round.opensAt)),
    // closesAt is exclusive: the last open day is the one before it.
    closesDate: shanghaiDate(Date.parse(round.closesAt) - 1),
    quota: round.quota.map((q) => ({
      category: q.category,
      count: q.count,
      mix: q.difficulty ? { 1: q.difficulty[1] ?? 0, 2: q.difficulty[2] ?? 0, 3: q.difficulty[3] ?? 0 } : null,
    })),
    timeLimitMinutes: Math.round(round.timeLimitSeconds / 60),
    attemptsAllowed: round.attemptsAllowed,
    grading: round.grading,
    passMark: round.passMark,
    multipleChoice: round.multipleChoice,
    review: round.review,
  };
}

/** What is wrong with the form before it is sent (the server checks the quota against the bank). */
export function roundFormProblems(fields: RoundFields): string[] {
  const problems: string[] = [];
  if (!fields.title.trim()) problems.push('请填写标题');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.opensDate) || !/^\d{4}-\d{2}-\d{2}$/.test(fields.closesDate))
    problems.push('日期格式应为 YYYY-MM-DD');
  else if (fields.closesDate < fields.opensDate) problems.push('结束日期不能早于开始日期');
  if (fields.quota.length === 0) problems.push('请至少选择一个分类并设置题数');
  for (const row of fields.quota) {
    if (!Number.isInteger(row.count) || row.count < 1) problems.push(`分类“${row.category}”的题数必须是正整数`);
    else if (row.mix && row.mix[1] + row.mix[2] + row.mix[3] !== row.count)
      problems.push(`分类“${row.category}”易、中、难题数合计应为 ${row.count}`);
  }
  return problems;
}

export function toSaveInput(fields: RoundFields, loaded: QuizAdminRound | null): QuizSaveRoundInput {
  const opensAt = shanghaiMidnight(fields.opensDate);
  const closesAt = shanghaiMidnight(fields.closesDate, 1);
  // A loaded round keeps its exact instants unless its date was changed (a locked round may not move its opening).
  const keepOpens = loaded && fields.opensDate === shanghaiDate(Date.parse(loaded.opensAt)) ? loaded.opensAt : opensAt;
  const keepCloses = loaded && fields.closesDate === shanghaiDate(Date.parse(loaded.closesAt) - 1) ? loaded.closesAt : closesAt;
  const quota: QuizRoundQuota[] = fields.quota.map((row) =>
    row.mix ? { category: row.category, count: row.count, difficulty: { ...row.mix } } : { category: row.category, count: row.count },
  );
  return {
    ...(fields.roundId ? { roundId: fields.roundId } : {}),
    orgId: fields.orgId,
    title: fields.title.trim(),
    month: fields.month,
    opensAt: keepOpens,
    closesAt: keepCloses,
    quota,
    timeLimitSeconds: fields.timeLimitMinutes * 60,
    attemptsAllowed: fields.attemptsAllowed,
    grading: fields.grading,
    passMark: fields.passMark,
    multipleChoice: fields.multipleChoice,
    review: fields.review,
  };
}

/**
 * 答题活动 form: new, or loaded from a listed round. Quotas are one row per bank category; a row may split its
 * count by difficulty. A round with attempts is `locked`: only its title and close date may change.
 */
export function useRoundForm(me: Me, onSaved: (round: QuizAdminRound) => void) {
  const [fields, setFields] = useState<RoundFields>(() => blank(me));
  const [loaded, setLoaded] = useState<QuizAdminRound | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // 重试 of the same fields after a network failure keeps its requestId, so the round is created once.
  const request = useRequestIdFor();
  const updateRow = (category: string, change: (row: QuotaRow) => QuotaRow) =>
    setFields((f) => ({ ...f, quota: f.quota.map((row) => (row.category === category ? change(row) : row)) }));

  const problems = roundFormProblems(fields);
  return {
    fields,
    error,
    busy,
    problems,
    editing: fields.roundId !== undefined,
    locked: (loaded?.attemptCount ?? 0) > 0,
    questionCount: fields.quota.reduce((sum, row) => sum + row.count, 0),
    change: (patch: Partial<Omit<RoundFields, 'roundId' | 'quota'>>) => setFields((f) => ({ ...f, ...patch })),
    changeReview: (patch: Partial<QuizReviewPolicy>) => setFields((f) => ({ ...f, review: { ...f.review, ...patch } })),
    /** Adds the category with `count` questions, or removes it when it is already in the quota. */
    toggleCategory: (category: string, count = 1) =>
      setFields((f) => ({
        ...f,
        quota: f.quota.some((row) => row.category === category)
          ? f.quota.filter((row) => row.category !== category)
          : [...f.quota, { category, count, mix: null }],
      })),
    setCount: (category: string, count: number) => updateRow(category, (row) => ({ ...row, count })),
    /** Turns the difficulty mix on (all 中 to start) or off. */
    toggleMix: (category: string) => updateRow(category, (row) => ({ ...row, mix: row.mix ? null : { 1: 0, 2: row.count, 3: 0 } })),
    setMix: (category: string, level: MixLevel, count: number) =>
      updateRow(category, (row) => (row.mix ? { ...row, mix: { ...row.mix, [level]: count } } : row)),
    load: (round: QuizAdminRound) => {
      setError(null);
      setLoaded(round);
      setFields(fromRound(round));
    },
    reset: () => {
      setError(null);
      setLoaded(null);
      setFields(blank(me));
    },
    save: async () => {
      if (problems.length > 0) return;
      setBusy(true);
      setError(null);
      try {
        const input = toSaveInput(fields, loaded);
        const { round } = await quizService.saveRound(input, request.idFor(input));
        request.settle();
        setLoaded(null);
        setFields(blank(me));
        notifyChanged('quizRounds');
        onSaved(round);
      } catch (e) {
        setError(toAppError(e));
      } finally {
        setBusy(false);
      }
    },
  };
}
