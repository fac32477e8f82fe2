import type { MemberMonthStatus, PartyDayStatus, QuizStatus, StudyStatus, TaskKind } from '@zbxx/domain';

/**
 * A 党员明细 row as its part keeps it: a plain array, not an object with its keys repeated 240,000 times. The
 * file's write reads every row of a county year back through the SDK, and its memory follows the bytes read.
 */
export type MemberPartRow = [
  memberId: string,
  branchId: string,
  name: string,
  duty: string,
  study: StudyStatus,
  studyDone: number,
  studyRequired: number,
  quiz: QuizStatus,
  score: number | null,
  maxScore: number | null,
  partyDay: PartyDayStatus,
  complete: boolean,
  missing: TaskKind[],
];

export interface MemberRow {
  memberId: string;
  branchId: string;
  name: string;
  duty: string;
  status: MemberMonthStatus;
}

export function packMemberRow({ memberId, branchId, name, duty, status: s }: MemberRow): MemberPartRow {
  return [
    memberId,
    branchId,
    name,
    duty,
    s.study.status,
    s.study.done,
    s.study.required,
    s.quiz.status,
    s.quiz.score,
    s.quiz.maxScore,
    s.partyDay.status,
    s.complete,
    s.missing,
  ];
}

export function unpackMemberRow(row: MemberPartRow): MemberRow {
  const [memberId, branchId, name, duty, study, done, required, quiz, score, maxScore, partyDay, complete, missing] = row;
  return {
    memberId,
    branchId,
    name,
    duty,
    status: {
      study: { status: study, done, required },
      quiz: { status: quiz, score, maxScore },
      partyDay: { status: partyDay },
      complete,
      missing,
    },
  };
}
