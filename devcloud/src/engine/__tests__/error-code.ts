import { EngineError } from '..';

/** The platform error code an engine call fails with (and a test failure when it does not fail). */
export function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof EngineError) return err.code;
    throw err;
  }
  throw new Error('expected an EngineError');
}
