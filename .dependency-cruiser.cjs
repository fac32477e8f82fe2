// Layer rules (STYLE.md), checked on every `npm test` by `npm run deps:check`. Paths are real paths: workspace
// packages (`@zbxx/*`) resolve through their node_modules links to `packages/<name>/src/...`.
// No exceptions list: when a rule fires, the import is wrong.

/** Test code may use test support (devcloud, @zbxx/testing, demo data); production code may not. */
const TEST = '(^|/)__tests__/|\\.test\\.tsx?$';
const IO_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|dns/promises|tls|readline|repl|vm|inspector|os|process|stream|zlib)$';

module.exports = {
  forbidden: [
    {
      name: 'domain-no-io',
      comment:
        'packages/domain holds pure rules: time, randomness and data come in as parameters, never from I/O (its tests may read files).',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: TEST },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'domain-no-platform',
      comment: 'packages/domain runs on every side: no wx-server-sdk, no @tarojs/*.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '(^|/)node_modules/(wx-server-sdk|@tarojs/)' },
    },
    {
      name: 'domain-imports-no-other-layer',
      comment: 'packages/domain is the innermost layer: nothing of contracts, server, testing, client, devcloud or cloud functions.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(packages/(?!domain/)[^/]+|client|devcloud|cloudfunctions|e2e|bench|quality|scripts)/' },
    },
    {
      name: 'contracts-only-zod',
      comment: 'packages/contracts is shared by the client and the functions: it imports zod and itself, nothing else.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { pathNot: '^packages/contracts/|(^|/)node_modules/zod/' },
    },
    {
      name: 'client-not-cloud-side',
      comment:
        'The client talks to the cloud through its transport only: no server package, devcloud, functions, test support or wx-server-sdk.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(packages/(server|testing)|devcloud|cloudfunctions)/|(^|/)node_modules/wx-server-sdk/' },
    },
    {
      name: 'function-imports-only-packages',
      comment: 'A cloud function is a thin entry over packages/*: it never imports another function, the client or the tools.',
      severity: 'error',
      from: { path: '^cloudfunctions/([^/]+)/' },
      to: { path: '^(cloudfunctions/(?!$1/)|client/|e2e/|bench/|quality/|scripts/)' },
    },
    {
      name: 'production-no-test-support',
      comment: 'devcloud, @zbxx/testing and the demo generator are for tests and local use; production code never ships them.',
      severity: 'error',
      from: { path: '^(packages/(domain|contracts|server)|client/src|cloudfunctions/[^/]+/src)/', pathNot: TEST },
      to: { path: '^(devcloud|packages/(testing|demo-data))/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not excluded, only not followed: an excluded module vanishes from the graph with the imports of it.
    exclude: { path: '(^|/)(dist|coverage)/|^cloudfunctions/[^/]+/index\\.js$|^\\.cache/|^bench/results/' },
    // Type-only imports count: a type from the server package in the domain is still a layer breach.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
