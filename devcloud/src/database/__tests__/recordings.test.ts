import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openEngine } from '../../engine';
import { AdminActionError, AdminActionRegistry } from '../../server/admin-actions';
import { registerDatabaseActions } from '..';
import { DATABASE_RECORDINGS, type DatabaseRecording, IdPlaceholders, recordingFiles } from './database-recordings';

/**
 * Replays every recorded SDK request (test/recordings/database, written by sdk-recordings.int.test.ts from
 * the installed wx-server-sdk) through the database handlers, in order, on an empty database, and expects
 * the recorded reply. Together they pin the wire: an SDK upgrade that sends something else fails there,
 * a handler change that answers something else fails here.
 */
describe.each(recordingFiles())('recording %s', (file) => {
  const recording = JSON.parse(readFileSync(path.join(DATABASE_RECORDINGS, file), 'utf8')) as DatabaseRecording;

  it('gets the recorded reply to every recorded request', async () => {
    expect(recording.exchanges.length).toBeGreaterThan(0);
    const engine = openEngine({ dataDir: ':memory:' });
    const registry = new AdminActionRegistry();
    registerDatabaseActions(registry, engine);
    const ids = new IdPlaceholders();
    try {
      for (const exchange of recording.exchanges) {
        const body = ids.reveal(exchange.request.body) as Record<string, unknown>;
        const handler = registry.get(String(body.action));
        expect(handler).toBeDefined();
        let reply: Record<string, unknown>;
        try {
          // the envelope devcloud's server puts around a handler's result (admin-endpoint.ts)
          reply = { requestId: '<requestId>', ...((await handler!({ callerTag: null, body })) as Record<string, unknown>) };
        } catch (err) {
          if (!(err instanceof AdminActionError)) throw err;
          reply = { code: err.code, message: err.message, requestId: '<requestId>' };
        }
        const replayed = ids.hide({ request: { ...exchange.request, body }, response: { ...exchange.response, body: reply } });
        expect({ action: body.action, reply: replayed.response.body }).toEqual({ action: body.action, reply: exchange.response.body });
      }
    } finally {
      engine.close();
    }
  });
});
