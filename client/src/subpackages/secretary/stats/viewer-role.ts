import type { Me, Role } from '@zbxx/contracts';

/**
 * Stats pages of a branch serve its secretary, and an admin who drilled down from the dashboard; the server
 * checks that the branch is the secretary's own or inside the admin's subtree.
 */
export const statsViewerRole = (me: Me): Role => (me.roles.includes('secretary') ? 'secretary' : 'admin');
