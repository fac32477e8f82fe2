/** Collection names, one place: repositories, demo data and the index manifest must agree. */
export const COLLECTIONS = {
  orgs: 'orgs',
  members: 'members',
  bindings: 'bindings',
  bindAttempts: 'bindAttempts',
  auditLog: 'auditLog',
  // org tree, roster import, 组织关系转接
  transfers: 'transfers',
  rosterImports: 'rosterImports',
  rosterImportChunks: 'rosterImportChunks',
  importUploads: 'importUploads',
  // 每月一学
  studyPlans: 'studyPlans',
  studyMaterials: 'studyMaterials',
  studyProgress: 'studyProgress',
  // 党内法规答题
  quizQuestions: 'quizQuestions',
  quizRounds: 'quizRounds',
  quizAttempts: 'quizAttempts',
  quizImports: 'quizImports',
  quizCards: 'quizCards',
  // 主题党日签到
  checkinEvents: 'checkinEvents',
  attendance: 'attendance',
  checkinReminders: 'checkinReminders',
  checkinMakeUpQuizzes: 'checkinMakeUpQuizzes',
  // 完成情况统计, 催学
  statsSettings: 'statsSettings',
  studyReminders: 'studyReminders',
  reminderConsents: 'reminderConsents',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
