import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide } from '@tarojs/taro';
import type { QuizAttemptResult, QuizPlayAttempt } from '@zbxx/contracts';
import { toggleChoice, type AnswerMap } from '../lib/quiz-answers';
import { toAppError, type AppError } from '../services/app-error';
import { quizService } from '../services/quiz';
import { quizStorage } from '../services/quiz-storage';

export type PlayState =
  | { kind: 'loading' }
  | { kind: 'error'; error: AppError }
  | { kind: 'playing'; paper: QuizPlayAttempt; clockOffsetMs: number }
  | { kind: 'submitted'; result: QuizAttemptResult };

const SAVE_DELAY_MS = 600;
const RETRY_MS = 5_000;

export interface QuizPlayDeps {
  service: Pick<typeof quizService, 'start' | 'answer' | 'submit'>;
  storage: typeof quizStorage;
}

const DEFAULT_DEPS: QuizPlayDeps = { service: quizService, storage: quizStorage };

/**
 * One attempt: start (or resume) on the server, keep answers on the phone and send them as the member goes,
 * count how often the page is left (fair-play flag), and submit. Unsent answers survive a killed app and are
 * merged on the next start.
 */
export function useQuizPlay(roundId: string, deps: QuizPlayDeps = DEFAULT_DEPS) {
  const { service, storage } = deps;
  const [state, setState] = useState<PlayState>({ kind: 'loading' });
  const [answers, setAnswers] = useState<AnswerMap>({});
  const [saving, setSaving] = useState<'saved' | 'pending' | 'offline'>('saved');
  const [submitting, setSubmitting] = useState(false);
  const attemptRef = useRef<string | null>(null);
  const unsentRef = useRef<AnswerMap>({});
  const hiddenRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [attemptLoad, setAttemptLoad] = useState(0);

  const persist = useCallback(() => {
    if (attemptRef.current) storage.save(attemptRef.current, { unsent: unsentRef.current, hiddenCount: hiddenRef.current });
  }, [storage]);

  useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    service.start(roundId).then(
      (paper) => {
        if (!alive) return;
        const stored = storage.load(paper.attemptId);
        attemptRef.current = paper.attemptId;
        unsentRef.current = stored.unsent;
        hiddenRef.current = stored.hiddenCount;
        setAnswers({ ...paper.answers, ...stored.unsent });
        setSaving(Object.keys(stored.unsent).length > 0 ? 'pending' : 'saved');
        setState({ kind: 'playing', paper, clockOffsetMs: new Date(paper.serverNow).getTime() - Date.now() });
      },
      (error: unknown) => alive && setState({ kind: 'error', error: toAppError(error) }),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roundId, attemptLoad]);

  const flush = useCallback(async () => {
    const attemptId = attemptRef.current;
    const batch = unsentRef.current;
    if (!attemptId || Object.keys(batch).length === 0) return;
    try {
      await service.answer(attemptId, batch);
      // Keep only what changed while this batch was on its way.
      const rest: AnswerMap = {};
      for (const [id, labels] of Object.entries(unsentRef.current)) if (batch[id] !== labels) rest[id] = labels;
      unsentRef.current = rest;
      persist();
      setSaving(Object.keys(rest).length > 0 ? 'pending' : 'saved');
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'QUIZ.ATTEMPT_FINISHED') return;
      setSaving('offline');
      timerRef.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, [persist, service]);

  const choose = useCallback(
    (questionId: string, label: string, type: QuizPlayAttempt['questions'][number]['type']) => {
      setAnswers((current) => {
        const next = toggleChoice(current[questionId], label, type);
        unsentRef.current = { ...unsentRef.current, [questionId]: next };
        persist();
        return { ...current, [questionId]: next };
      });
      setSaving('pending');
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, persist],
  );

  const submit = useCallback(async () => {
    const attemptId = attemptRef.current;
    if (!attemptId || submitting) return;
    if (timerRef.current) clearTimeout(timerRef.current);
    setSubmitting(true);
    try {
      const result = await service.submit(attemptId, unsentRef.current, hiddenRef.current);
      storage.clear(attemptId);
      unsentRef.current = {};
      setState({ kind: 'submitted', result });
    } catch (error) {
      setState({ kind: 'error', error: toAppError(error) });
    } finally {
      setSubmitting(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitting]);

  useDidHide(() => {
    if (state.kind !== 'playing') return;
    hiddenRef.current += 1;
    persist();
    void flush();
  });

  useEffect(
    () => () => {
      if (timerRef.current) clearTimeout(timerRef.current);
    },
    [],
  );

  return { state, answers, saving, submitting, choose, submit, retry: () => setAttemptLoad((n) => n + 1) };
}
