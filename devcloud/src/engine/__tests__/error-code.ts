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

/** The platform error (code and message) an engine call fails with. */
export function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof EngineError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an EngineError');
}
