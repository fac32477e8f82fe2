import { GatewayClient, type GatewayReply } from '../../bench/lib/gateway-client';

/** One call as the member's phone saw it: was the first send acknowledged, and what came back in the end. */
export interface CallRecord {
  openid: string;
  action: string;
  event: { action: string; data?: unknown; requestId: string };
  /** The first send got a reply from the function (an envelope), before any outage. */
  ackedFirstTime: boolean;
  /** Sends until a reply came (1 = no retry). */
  sends: number;
  reply: unknown;
}

/**
 * A client that resends what was not acknowledged: a call whose connection broke, or whose function crashed
 * or timed out (HTTP 5xx without an envelope of the function's), waits until `available()` resolves (the server
 * is back) and is sent again unchanged, with the same requestId. A function's own answer (ok or a typed error)
 * is final, as it is in the real transport.
 */
export class PatientClient {
  private client: GatewayClient;
  readonly records: CallRecord[] = [];
  /** How many calls got a reply at their first send (the kill switch watches it). */
  acked = 0;
  private sequence = 0;
  private inFlight = 0;
  private readonly queued: (() => void)[] = [];

  /**
   * `maxInFlight` caps the calls on the wire at once: a steady stream rather than a wall, so devcloud starts a
   * few function instances instead of its cap of 8 per function (each cold start costs a second of CPU).
   */
  constructor(
    private readonly url: string,
    private readonly available: () => Promise<void>,
    private readonly onAck: () => void = () => undefined,
    private readonly maxInFlight = Number.POSITIVE_INFINITY,
  ) {
    this.client = new GatewayClient(url);
  }

  private async send(name: string, event: unknown, openid: string): Promise<GatewayReply | null> {
    if (this.inFlight >= this.maxInFlight) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.inFlight += 1;
    try {
      return await this.client.call(name, event, openid);
    } catch {
      return null;
    } finally {
      this.inFlight -= 1;
      this.queued.shift()?.();
    }
  }

  /** Fresh sockets after a restart: the old keep-alive ones died with the server. */
  reconnect(): void {
    this.client.close();
    this.client = new GatewayClient(this.url);
  }

  newRequestId(openid: string): string {
    this.sequence += 1;
    return `fault-${openid.slice(-12).replace(/[^A-Za-z0-9_-]/g, '')}-${this.sequence}`;
  }

  async call(name: string, openid: string, action: string, data: unknown, requestId = this.newRequestId(openid)): Promise<CallRecord> {
    const event = { action, ...(data === undefined ? {} : { data }), requestId };
    const record: CallRecord = { openid, action, event, ackedFirstTime: false, sends: 0, reply: null };
    for (;;) {
      record.sends += 1;
      const reply = await this.send(name, event, openid);
      if (reply && isFunctionAnswer(reply)) {
        record.reply = reply.body;
        if (record.sends === 1) {
          record.ackedFirstTime = true;
          this.acked += 1;
          this.onAck();
        }
        this.records.push(record);
        return record;
      }
      await this.available();
    }
  }

  close(): void {
    this.client.close();
  }
}

/** The function answered (ok or its own typed error), as opposed to the host failing to run it. */
function isFunctionAnswer(reply: GatewayReply): boolean {
  return reply.status === 200 && reply.body !== null && typeof reply.body === 'object' && 'ok' in reply.body;
}

export function okData<T>(body: unknown): T {
  const envelope = body as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error?.code}: ${envelope.error?.message}`);
  return envelope.data as T;
}

export function errorCodeOf(body: unknown): string | null {
  const envelope = body as { ok: boolean; error?: { code: string } };
  return envelope.ok ? null : (envelope.error?.code ?? 'UNKNOWN');
}
