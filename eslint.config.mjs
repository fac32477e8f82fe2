// ESLint over every workspace (`npm run lint`, a step of `npm test`). Formatting is Prettier's job
// (eslint-config-prettier comes last); layer rules are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const tsFiles = ['**/*.ts', '**/*.tsx'];
const jsFiles = ['**/*.js', '**/*.cjs', '**/*.mjs'];
const testFiles = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/__tests__/**/*.{ts,tsx}',
  'e2e/**/*.ts',
  'quality/**/*.ts',
  'client/test/**/*.{ts,tsx}',
];

// Issue 12: a test's verdict must not depend on the hour it runs.
const clockMessage =
  "Tests don't read the wall clock: state the instant (new Date('2027-03-15T08:00:00+08:00')) or set devcloud's test clock; elapsed time: performance.now().";

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.cache/**',
      '.swc/**',
      '.devcloud/**',
      'bench/results/**',
      // Built deployable bundles (npm run build:functions).
      'cloudfunctions/*/index.js',
      'cloudfunctions/*/lazy/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a positional argument, a destructured-away field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Type-aware rules: the promise mistakes the compiler lets through (a write nobody awaits, an async handler
    // whose rejection nobody sees).
    files: tsFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: jsFiles,
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS files: the worker bootstrap, fixture functions, babel/jest configs.
    files: ['**/*.cjs', 'jest.config.js', 'client/babel.config.js', 'devcloud/test/fixtures/**/*.js', 'client/test/style-stub.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
      ],
    },
  },
  prettier,
);
