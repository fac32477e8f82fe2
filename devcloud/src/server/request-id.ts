import { randomBytes } from 'node:crypto';

let sequence = 0;

/** Request ids look like the platform's (opaque, unique); the sequence makes logs easy to follow. */
export function newRequestId(): string {
  sequence += 1;
  return `devcloud-${sequence.toString(36)}-${randomBytes(4).toString('hex')}`;
}
