import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP exchange as it crossed the wire. */
export interface RawExchange {
  method: string;
  path: string;
  requestContentType: string;
  requestBody: Buffer;
  status: number;
  responseContentType: string;
  responseBody: Buffer;
}

/**
 * A pass-through HTTP proxy that sits between the SDK and devcloud and keeps a copy of every exchange,
 * so the recordings show exactly what the SDK sent and what it got, with no hook inside devcloud.
 */
export class RecordingProxy {
  readonly exchanges: RawExchange[] = [];
  target = '';
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const requestBody = Buffer.concat(chunks);
        const forward = request(`${this.target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (upstream) => {
          const responseChunks: Buffer[] = [];
          upstream.on('data', (chunk: Buffer) => responseChunks.push(chunk));
          upstream.on('end', () => {
            const responseBody = Buffer.concat(responseChunks);
            this.exchanges.push({
              method: req.method ?? 'GET',
              path: req.url ?? '/',
              requestContentType: req.headers['content-type'] ?? '',
              requestBody,
              status: upstream.statusCode ?? 0,
              responseContentType: upstream.headers['content-type'] ?? '',
              responseBody,
            });
            res.writeHead(upstream.statusCode ?? 502, upstream.headers);
            res.end(responseBody);
          });
        });
        forward.on('error', (err) => {
          res.writeHead(502);
          res.end(String(err));
        });
        forward.end(requestBody);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
