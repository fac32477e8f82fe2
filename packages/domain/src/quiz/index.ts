/** 党内法规答题: the pure rules of quiz rounds. */
export * from './question';
export * from './draw';
export * from './shuffle-options';
export * from './public-question';
export * from './score';
export * from './grade';
export * from './attempt-rules';
export * from './fair-play';
export * from './review-policy';
export * from './wrong-book';
export * from './item-analysis';
export * from './leaderboard';
export * from './question-import';
export * from './make-up-pool';
