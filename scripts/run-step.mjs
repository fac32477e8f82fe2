// Runs named steps of a script as child processes and fails loudly. A quiet step keeps its output to itself
// unless it fails (build tools print pages of asset tables). Every step prints one line with its duration, and
// printTimings() repeats them at the end, so a CI log shows where the time went.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const timings = [];

const secondsSince = (started) => (performance.now() - started) / 1000;

/**
 * CPU seconds used so far by this script's finished child processes (and theirs), from /proc (Linux; null
 * elsewhere). Beside the wall time it tells a step that computes from one that waits, or one slowed by a busy machine.
 */
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

function record(title, seconds, ok, cpu = null) {
  timings.push({ title, seconds, ok, cpu });
  const cpuNote = cpu === null ? '' : `, cpu ${cpu.toFixed(1)} s`;
  console.log(`${ok ? '✔' : '✖'} ${title}${ok ? '' : ' failed'} (${seconds.toFixed(1)} s${cpuNote})`);
}

const cpuSince = (before) => (before === null ? null : childCpuSeconds() - before);

export function runStep(title, command, args, { quiet = false, ...options } = {}) {
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  const seconds = secondsSince(started);
  if (result.status !== 0) {
    if (quiet) {
      process.stdout.write(String(result.stdout ?? '').slice(-20_000));
      process.stderr.write(String(result.stderr ?? '').slice(-20_000));
    }
    record(title, seconds, false, cpuSince(cpuBefore));
    process.exit(result.status ?? 1);
  }
  record(title, seconds, true, cpuSince(cpuBefore));
}

/** Times a step the caller runs itself (jest, whose exit status is judged from its report). */
export function timeStep(title, run) {
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  console.log(`\n▶ ${title}`);
  const ok = run();
  record(title, secondsSince(started), ok, cpuSince(cpuBefore));
  return ok;
}

/**
 * Runs independent single-process steps (type-checks, lint) side by side, as many at once as there are cores,
 * longest first as given. Each step's output is shown when it fails; every step runs to the end so one run
 * reports all of them, then the script stops if any failed.
 */
export async function runParallel(steps, { concurrency = availableParallelism() } = {}) {
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
  console.log(`\n▶ ${steps.map((s) => s.title).join(' · ')} (${Math.min(concurrency, steps.length)} at a time)`);
  const queue = [...steps];
  const failed = [];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const ok = await runBuffered(step);
      if (!ok) failed.push(step.title);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, steps.length) }, worker));
  // Children finish in any order, so CPU is known for the group only.
  const cpu = cpuSince(cpuBefore);
  console.log(`  (side by side: ${secondsSince(started).toFixed(1)} s${cpu === null ? '' : `, cpu ${cpu.toFixed(1)} s together`})`);
  if (failed.length > 0) process.exit(1);
}

function runBuffered({ title, command, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const ok = code === 0;
      if (!ok) console.log(`\n✖ ${title}:\n${output.slice(-20_000)}`);
      record(title, secondsSince(started), ok);
      resolve(ok);
    });
  });
}

/** One line per step, then the wall time since the script started (side-by-side steps overlap). */
export function printTimings() {
  console.log('\n⏱ step times:');
  const cpu = (value) => (value === null ? '' : `cpu ${value.toFixed(1).padStart(6)} s`);
  for (const t of timings) console.log(`  ${t.seconds.toFixed(1).padStart(6)} s ${cpu(t.cpu).padEnd(14)} ${t.ok ? ' ' : '✖'} ${t.title}`);
  console.log(`  ${(performance.now() / 1000).toFixed(1).padStart(6)} s ${cpu(childCpuSeconds()).padEnd(14)}   in all`);
}
