/** One jest run, three kinds of tests, chosen by file name. */
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Integration and browser tests start devcloud, function processes and Chromium; on a loaded 2-core CI machine
  // a cold start alone can pass jest's 5 s default (it did, once). A hang still fails, 30 s later.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{packages,devcloud,cloudfunctions,scripts,bench,quality}/**/*.test.ts'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/src/**/*.test.{ts,tsx}'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/client/test/taro-stub.ts',
        '^@tarojs/components$': '<rootDir>/client/test/components-stub.tsx',
        // Our NutUI surface (client/src/ui/nut.ts): NutUI's ESM build is kept out of jsdom tests.
        '^(\\.{1,2}/)+ui/nut$': '<rootDir>/client/test/nut-stub.tsx',
        '\\.(css|scss)$': '<rootDir>/client/test/style-stub.js',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{packages,devcloud,cloudfunctions,scripts,bench,quality}/**/*.int.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
    },
    {
      ...common,
      // The compiled mini-program (client/dist/weapp) run in a fake WeChat inside a Node vm: weapp-harness/.
      displayName: 'weapp',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/weapp-harness/**/*.weapp.test.ts'],
    },
  ],
};
