import {
  accountContract,
  checkinContract,
  orgContract,
  quizContract,
  statsContract,
  studyContract,
  type FunctionContract,
} from '@zbxx/contracts';

/** Every function contract: the access matrix, the fuzzing and the secret scan cover each action of each. */
export const ALL_CONTRACTS: readonly FunctionContract[] = [
  accountContract,
  orgContract,
  studyContract,
  quizContract,
  checkinContract,
  statsContract,
];
