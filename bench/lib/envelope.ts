/** What a function replied, checked so a figure is never measured on the wrong path by accident. */
export type Expected = { ok: true; status?: string } | { ok: false; code: string };

export function describeEnvelope(result: unknown): string {
  return JSON.stringify(result)?.slice(0, 300) ?? String(result);
}

export function matchesEnvelope(result: unknown, expected: Expected): boolean {
  if (result === null || typeof result !== 'object') return false;
  const reply = result as { ok?: unknown; data?: { status?: unknown }; error?: { code?: unknown } };
  if (expected.ok) return reply.ok === true && (expected.status === undefined || reply.data?.status === expected.status);
  return reply.ok === false && reply.error?.code === expected.code;
}

export function assertEnvelope(what: string, result: unknown, expected: Expected): void {
  if (!matchesEnvelope(result, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${describeEnvelope(result)}`);
  }
}
