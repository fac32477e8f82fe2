// Bundles every cloud function into its deployable folder: cloudfunctions/<name>/src/index.ts (plus the
// shared @zbxx/* packages, zod, dayjs …) → cloudfunctions/<name>/index.js, CommonJS, one file per function,
// so WeChat DevTools can upload each folder as it is. Only wx-server-sdk stays external: the platform
// installs it from the folder's package.json.
//
//   node scripts/build-functions.mjs            all functions
//   node scripts/build-functions.mjs account    only the named ones
//
// A package the code loads with `await import('pkg')` (exceljs, mammoth: admin-only and large) is written to
// its own file, cloudfunctions/<name>/lazy/<pkg>.js, and required on first use: a member's cold start never
// parses it (issue 13's budget: member functions load within 1.1x of wx-server-sdk alone).
//
// Exits non-zero, naming the function, on a build error or a folder that is not deployable.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const functionsRoot = path.join(repoRoot, 'cloudfunctions');
const SDK = 'wx-server-sdk';
const SDK_VERSION = '4.0.2';

// Node 16 syntax runs on every runtime WeChat cloud offers today (16, 18, 20); nothing here needs newer syntax.
const TARGET = 'node16';

function fail(message) {
  console.error(`✖ build-functions: ${message}`);
  process.exit(1);
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A folder is deployable when it has an entry, a config.json and a package.json pinning the SDK. */
function checkDeployable(name) {
  const dir = path.join(functionsRoot, name);
  const packageFile = path.join(dir, 'package.json');
  const configFile = path.join(dir, 'config.json');
  if (!existsSync(configFile)) fail(`${name}: config.json is missing`);
  const config = readJson(configFile, `${name}/config.json`);
  if (config.timeout !== undefined && !(Number.isInteger(config.timeout) && config.timeout >= 1 && config.timeout <= 60)) {
    fail(`${name}/config.json: timeout must be 1–60 seconds`);
  }
  if (!existsSync(packageFile)) fail(`${name}: package.json is missing`);
  const pkg = readJson(packageFile, `${name}/package.json`);
  const sdk = pkg.dependencies?.[SDK];
  if (sdk !== SDK_VERSION) fail(`${name}/package.json: dependencies must pin ${SDK} ${SDK_VERSION} (found ${sdk ?? 'none'})`);
  if (pkg.main !== 'index.js') fail(`${name}/package.json: "main" must be "index.js"`);
}

function listFunctions() {
  return readdirSync(functionsRoot)
    .filter((name) => existsSync(path.join(functionsRoot, name, 'src', 'index.ts')))
    .sort();
}

const LAZY_DIR = 'lazy';

/** `await import('pkg')` of a package → an external `./lazy/<pkg>.js`, noted in `lazy` (package → resolveDir). */
function lazyPackages(lazy) {
  return {
    name: 'lazy-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.path.startsWith('node:')) return undefined;
        lazy.set(args.path, args.resolveDir);
        return { path: `./${LAZY_DIR}/${lazyFileName(args.path)}`, external: true };
      });
    },
  };
}

function lazyFileName(pkg) {
  return `${pkg.replace(/^@/, '').replace(/[^a-zA-Z0-9._-]/g, '_')}.js`;
}

/** Settings every bundle of a function shares: its entry and each lazy package. */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: TARGET,
  // A lazy package is required, not import()ed: a CommonJS bundle's exports are then the object the code expects.
  supported: { 'dynamic-import': false },
  external: [SDK],
  // Readable stack traces in the cloud console matter more than bytes: functions have no size pressure
  // comparable to the mini-program's packages. Whitespace and syntax are minified, names are kept.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'silent',
  metafile: true,
  // Written below, each file via a temporary name and a rename: a devcloud worker loading index.js while a
  // parallel test run rebuilds it sees the old file or the new one, never half of one.
  write: false,
  absWorkingDir: repoRoot,
  tsconfig: path.join(repoRoot, 'tsconfig.json'),
};

async function bundle(name, options, isAllowed) {
  const result = await build({ ...COMMON, ...options }).catch((err) => {
    const errors = err?.errors?.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n');
    return fail(`${name}: esbuild failed\n${errors ?? err}`);
  });
  if (result.warnings.length > 0) {
    for (const warning of result.warnings) console.warn(`⚠ ${name}: ${warning.text} (${warning.location?.file ?? ''})`);
  }
  const builtins = new Set((await import('node:module')).builtinModules);
  const stray = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports ?? [])
    .filter((imp) => imp.external && !imp.path.startsWith('node:') && imp.path !== SDK)
    .filter((imp) => !builtins.has(imp.path) && !isAllowed(imp.path));
  if (stray.length > 0) fail(`${name}: unexpected external imports ${stray.map((i) => i.path).join(', ')}`);
  return result.outputFiles;
}

function writeAtomically(file) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}

async function buildFunction(name) {
  checkDeployable(name);
  const dir = path.join(functionsRoot, name);
  const outfile = path.join(dir, 'index.js');
  const lazy = new Map();
  const main = await bundle(name, { entryPoints: [path.join(dir, 'src', 'index.ts')], outfile, plugins: [lazyPackages(lazy)] }, (imp) =>
    imp.startsWith(`./${LAZY_DIR}/`),
  );
  const lazyFiles = [];
  for (const [pkg, resolveDir] of [...lazy].sort(([a], [b]) => a.localeCompare(b))) {
    lazyFiles.push(
      ...(await bundle(
        `${name} (${pkg})`,
        {
          stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir, sourcefile: `lazy-${pkg}.js` },
          outfile: path.join(dir, LAZY_DIR, lazyFileName(pkg)),
        },
        () => false,
      )),
    );
  }
  const lazyDir = path.join(dir, LAZY_DIR);
  if (lazyFiles.length > 0) mkdirSync(lazyDir, { recursive: true });
  for (const file of lazyFiles) writeAtomically(file);
  for (const file of main) writeAtomically(file);
  // A package no longer loaded lazily must not linger beside the bundle (and be deployed with it).
  const current = new Set(lazyFiles.map((file) => path.basename(file.path)));
  if (existsSync(lazyDir)) {
    for (const stale of readdirSync(lazyDir).filter((f) => !current.has(f))) rmSync(path.join(lazyDir, stale), { force: true });
    if (current.size === 0) rmSync(lazyDir, { recursive: true, force: true });
  }
  const bytes = main.find((file) => file.path === outfile)?.contents.length ?? 0;
  return { name, bytes, lazy: [...lazy.keys()] };
}

const requested = process.argv.slice(2);
const available = listFunctions();
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) fail(`no such function: ${unknown.join(', ')} (have: ${available.join(', ')})`);
const names = requested.length > 0 ? requested : available;
if (names.length === 0) fail('no cloudfunctions/*/src/index.ts found');

const started = Date.now();
const built = await Promise.all(names.map(buildFunction));
for (const { name, bytes, lazy } of built) {
  console.log(`  ${name}/index.js  ${(bytes / 1024).toFixed(1)} KB${lazy.length > 0 ? `  (on first use: ${lazy.join(', ')})` : ''}`);
}
console.log(`✔ built ${built.length} function(s) in ${Date.now() - started} ms`);
