// Bundles every cloud function into its deployable folder: cloudfunctions/<name>/src/index.ts (plus the
// shared @zbxx/* packages, zod, dayjs …) → cloudfunctions/<name>/index.js, CommonJS, one file per function,
// so WeChat DevTools can upload each folder as it is. Only wx-server-sdk stays external: the platform
// installs it from the folder's package.json.
//
//   node scripts/build-functions.mjs            all functions
//   node scripts/build-functions.mjs account    only the named ones
//
// Exits non-zero, naming the function, on a build error or a folder that is not deployable.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

async function buildFunction(name) {
  checkDeployable(name);
  const dir = path.join(functionsRoot, name);
  const outfile = path.join(dir, 'index.js');
  const result = await build({
    entryPoints: [path.join(dir, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
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
  }).catch((err) => {
    const errors = err?.errors?.map((e) => `  ${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('\n');
    return fail(`${name}: esbuild failed\n${errors ?? err}`);
  });
  if (result.warnings.length > 0) {
    for (const warning of result.warnings) console.warn(`⚠ ${name}: ${warning.text} (${warning.location?.file ?? ''})`);
  }
  const externals = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports ?? [])
    .filter((imp) => imp.external && !imp.path.startsWith('node:') && imp.path !== SDK);
  const builtins = new Set((await import('node:module')).builtinModules);
  const stray = externals.filter((imp) => !builtins.has(imp.path));
  if (stray.length > 0) fail(`${name}: unexpected external imports ${stray.map((i) => i.path).join(', ')}`);
  let bytes = 0;
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    if (file.path === outfile) bytes = file.contents.length;
  }
  return { name, bytes };
}

const requested = process.argv.slice(2);
const available = listFunctions();
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) fail(`no such function: ${unknown.join(', ')} (have: ${available.join(', ')})`);
const names = requested.length > 0 ? requested : available;
if (names.length === 0) fail('no cloudfunctions/*/src/index.ts found');

const started = Date.now();
const built = await Promise.all(names.map(buildFunction));
for (const { name, bytes } of built) console.log(`  ${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`);
console.log(`✔ built ${built.length} function(s) in ${Date.now() - started} ms`);
