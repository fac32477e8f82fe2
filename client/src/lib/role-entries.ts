import type { Me } from '@zbxx/contracts';
import { ROUTES, type Route } from './routes';

export interface RoleEntry {
  key: 'secretary' | 'admin';
  title: string;
  description: string;
  route: Route;
}

/** Extra workplaces a member's roles open: a secretary runs a branch, an admin the 组织部 back office. */
export function roleEntries(me: Pick<Me, 'roles' | 'scope'>): RoleEntry[] {
  const entries: RoleEntry[] = [];
  if (me.roles.includes('secretary')) {
    const branches = me.scope.secretaryOf.map((org) => org.name).join('、');
    entries.push({
      key: 'secretary',
      title: '支部管理',
      description: branches ? `${branches}：查看学习、答题和党日情况` : '查看本支部学习、答题和党日情况',
      route: ROUTES.secretary,
    });
  }
  if (me.roles.includes('admin')) {
    const roots = me.scope.adminOf.map((org) => org.name).join('、');
    entries.push({
      key: 'admin',
      title: '组织部后台',
      description: roots ? `${roots}：发布月度计划，查看各支部完成率` : '发布月度计划，查看各支部完成率',
      route: ROUTES.admin,
    });
  }
  return entries;
}
