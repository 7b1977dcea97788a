import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The back office: the admin console (`src/admin`, served at /admin/) and the member portal
 * (`src/portal`, at /portal/), two pages of one build. `npm start` serves `dist/` itself
 * (subgraph/src/server/web.ts); `npm run admin:web` serves the sources with hot reload and proxies
 * `/graphql` to LOYALTY_GRAPHQL_URL. Neither page holds a token it did not get from its user.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const target = new URL(process.env.LOYALTY_GRAPHQL_URL ?? 'http://localhost:4001/graphql');

export default defineConfig({
  root: path.resolve(here, 'src'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: process.env.ADMIN_WEB_OUT_DIR ? path.resolve(process.env.ADMIN_WEB_OUT_DIR) : path.resolve(here, 'dist'),
    emptyOutDir: true,
    // charts and tables are large; one chunk per page is fine for a back office
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        admin: path.resolve(here, 'src/admin/index.html'),
        portal: path.resolve(here, 'src/portal/index.html'),
      },
    },
  },
  server: {
    port: Number(process.env.ADMIN_WEB_PORT ?? 5174),
    strictPort: false,
    proxy: {
      '/graphql': { target: target.origin, changeOrigin: true, rewrite: () => target.pathname },
    },
  },
});
