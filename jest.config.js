// NestJS 12 is ESM-only, while @nestjs/throttler and nestjs-pino are CommonJS packages that require() it. Jest
// cannot load ES modules from require() below Node 24.9, so the tests run as CommonJS: swc compiles our
// TypeScript and the ESM-only packages below to CommonJS, emitting the decorator metadata TypeORM and
// class-validator read. One module system means one copy of each package. See docs/development.md.
const ESM_ONLY = [
  '@nestjs',
  'cookie',
  'content-disposition',
  'set-cookie-parser',
  'toad-cache',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  '@electric-sql',
  '@standard-schema',
];

const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

export default {
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': swc('typescript'), '^.+\\.m?js$': swc('ecmascript') },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.integration-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};
