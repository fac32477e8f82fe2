import type { Me } from '@zbxx/contracts';

/** The signed-in people the client tests use: a plain member, and a county organisation-department admin. */
export const MEMBER_ME: Me = {
  memberId: 'm-001',
  name: '王建国',
  phoneMasked: '138****1234',
  roles: ['member'],
  branch: { id: 'b-01', name: '城关镇第一党支部', type: 'branch' },
  orgPath: [{ id: 'b-01', name: '城关镇第一党支部', type: 'branch' }],
  scope: { secretaryOf: [], adminOf: [] },
  month: '2026-11',
};

export const COUNTY_ADMIN_ME: Me = {
  memberId: 'm-admin',
  name: '林晓梅',
  phoneMasked: '139****0001',
  roles: ['member', 'admin'],
  branch: { id: 'b-01', name: '县委组织部机关党支部', type: 'branch' },
  orgPath: [{ id: 'county', name: '清河县委组织部', type: 'county' }],
  scope: { secretaryOf: [], adminOf: [{ id: 'county', name: '清河县委组织部', type: 'county' }] },
  month: '2026-11',
};
