import type { ServerResponse } from 'node:http';
import { sendJson } from './http-io';

/** An identity the h5 dev picker offers (the demo users); the lead's seed data provides them. */
export interface DevIdentity {
  openid: string;
  name: string;
  role?: string;
  description?: string;
}

export type DevIdentitiesProvider = () => Promise<DevIdentity[]> | DevIdentity[];

export async function sendIdentities(res: ServerResponse, provider: DevIdentitiesProvider | undefined): Promise<void> {
  const identities = provider ? await provider() : [];
  sendJson(res, 200, { identities });
}
