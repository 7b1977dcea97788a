import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // esbuild emits no decorator metadata; type-graphql and MikroORM need it.
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  // One graphql copy for our ESM imports and @apollo/subgraph's CommonJS require.
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    testTimeout: 60_000,
    // CI machines have 2 cores and run test files in parallel: give polled assertions time
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'subgraph',
          include: ['subgraph/src/**/*.test.ts', 'test/**/*.test.ts'],
          // One embedded PostgreSQL for the run; each test file gets its own database.
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'pos-desktop', include: ['pos-desktop/src/**/*.test.ts', 'pos-desktop/src/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: { name: 'admin-web', include: ['admin-web/src/**/*.test.ts'] },
      },
    ],
  },
});
