import { accountContract, checkinContract, quizContract, studyContract } from '@zbxx/contracts';
import type { z } from 'zod';

/** A round's settings beside its org, title, month, window and quota: valid for saveRound. */
export const ROUND_SETTINGS = {
  timeLimitSeconds: 600,
  attemptsAllowed: 1,
  grading: 'best',
  passMark: 60,
  multipleChoice: 'allOrNothing',
  review: { ownAnswers: 'afterSubmit', correctAnswers: 'afterSubmit', explanations: 'afterSubmit' },
} as const;

/**
 * Free-text fields people type and others read, each as a contract input and a way to put a text into an
 * otherwise valid request: what the text policy (contracts text-policy.ts) must hold for.
 */
export const FREE_TEXT_FIELDS: [string, z.ZodTypeAny, (text: string) => unknown][] = [
  ['account.bind name', accountContract.actions.bind.input, (name) => ({ method: 'phone', name, phoneLast4: '8495' })],
  ['checkin.requestLeave reason', checkinContract.actions.requestLeave.input, (reason) => ({ eventId: 'ev-1', reason })],
  ['checkin.mark reason', checkinContract.actions.mark.input, (reason) => ({ eventId: 'ev-1', memberId: 'm-1', to: 'present', reason })],
  [
    'checkin.saveEvent place',
    checkinContract.actions.saveEvent.input,
    (place) => ({ place, startsAt: '2026-12-10T01:00:00Z', endsAt: '2026-12-10T03:00:00Z' }),
  ],
  [
    'study.savePlan theme',
    studyContract.actions.savePlan.input,
    (theme) => ({ month: '2026-12', orgId: 'org-1', theme, dueDate: '2026-12-25', requiredMaterialIds: ['m'], status: 'draft' }),
  ],
  [
    'quiz.saveRound title',
    quizContract.actions.saveRound.input,
    (title) => ({
      orgId: 'org-1',
      title,
      month: '2026-12',
      opensAt: '2026-12-01T00:00:00Z',
      closesAt: '2026-12-31T00:00:00Z',
      quota: [{ category: '党章', count: 1 }],
      ...ROUND_SETTINGS,
    }),
  ],
];
