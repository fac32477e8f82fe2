// Runs one named step of a script as a child process and fails loudly. A quiet step keeps its output to
// itself unless it fails (build tools print pages of asset tables).
import { spawnSync } from 'node:child_process';

export function runStep(title, command, args, { quiet = false, ...options } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    if (quiet) {
      process.stdout.write(String(result.stdout ?? '').slice(-20_000));
      process.stderr.write(String(result.stderr ?? '').slice(-20_000));
    }
    console.error(`✖ ${title} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}
