import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface GatewayReply {
  status: number;
  body: unknown;
  /** `X-Devcloud-Db-Requests`, or null when absent. */
  dbRequests: number | null;
  /** Client-side wall time from sending the request to the last byte of the reply. */
  latencyMs: number;
}

/**
 * Calls `POST /api/functions/:name` as the h5 client does, identity in `X-Dev-Openid`. One keep-alive
 * agent without a socket cap, so a burst of N calls really is N concurrent requests.
 */
export class GatewayClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(private readonly baseUrl: string) {}

  /**
   * A kept-alive socket the server closed while idle (its keep-alive timeout passes quickly when a long burst
   * starves the event loop) fails on reuse before the request reaches the server: that one send is repeated
   * on a fresh socket, as Node's documentation advises. Any other failure is the caller's.
   */
  async call(name: string, event: unknown, openid: string): Promise<GatewayReply> {
    try {
      return await this.send(name, event, openid);
    } catch (err) {
      if ((err as { reusedSocket?: boolean; code?: string }).reusedSocket && (err as { code?: string }).code === 'ECONNRESET')
        return this.send(name, event, openid);
      throw err;
    }
  }

  private send(name: string, event: unknown, openid: string): Promise<GatewayReply> {
    const payload = Buffer.from(JSON.stringify(event));
    const url = new URL(`/api/functions/${encodeURIComponent(name)}`, this.baseUrl);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-dev-openid': openid },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const latencyMs = performance.now() - started;
            const header = res.headers['x-devcloud-db-requests'];
            let body: unknown = null;
            try {
              body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            } catch {
              body = null;
            }
            resolve({ status: res.statusCode ?? 0, body, dbRequests: typeof header === 'string' ? Number(header) : null, latencyMs });
          });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
        err.reusedSocket = req.reusedSocket;
        reject(err);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
