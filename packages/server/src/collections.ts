/** Collection names, one place: repositories, demo data and the index manifest must agree. */
export const COLLECTIONS = {
  orgs: 'orgs',
  members: 'members',
  bindings: 'bindings',
  bindAttempts: 'bindAttempts',
  auditLog: 'auditLog',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
