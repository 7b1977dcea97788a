import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { catalogueFormat, parseCatalogue } from './src/shared/catalogue';
import { DEFAULT_WEDGE, type CatalogueAnswer, type ProductMapping, type TillConfig } from './src/shared/ipc';

/**
 * The till renderer. In browser mode (`npm run pos:web`) the dev server stands in for Electron's
 * main process: it proxies `/graphql` to POS_GRAPHQL_URL adding the till token (so the page never
 * holds it) and answers `/pos-config`. `vite build` makes the files Electron loads.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
/** The demo catalogue (valid EAN-13 check digits), used when POS_CATALOGUE_FILE is not set. */
export const DEMO_CATALOGUE = path.join(here, 'catalogue', 'demo-catalogue.csv');

function productMapping(): ProductMapping | null {
  const text = process.env.POS_PRODUCT_MAPPING;
  if (!text) return null;
  try {
    return JSON.parse(text) as ProductMapping;
  } catch {
    console.warn('POS_PRODUCT_MAPPING is not JSON; ignored');
    return null;
  }
}

function readCatalogue(currencyCode: string): CatalogueAnswer {
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), process.env.POS_CATALOGUE_FILE || DEMO_CATALOGUE);
  const format = catalogueFormat(file);
  if (!format) return { products: [], file, problems: ['the catalogue file must end in .csv or .json'] };
  try {
    const { products, problems } = parseCatalogue(readFileSync(file, 'utf8'), format, currencyCode);
    return { products: [...products], file, problems: [...problems] };
  } catch (error) {
    return { products: [], file, problems: [`cannot read it: ${(error as Error).message}`] };
  }
}

function tillToken(): string | undefined {
  if (process.env.POS_TILL_TOKEN) return process.env.POS_TILL_TOKEN;
  const file = path.resolve(here, '..', process.env.LOYALTY_DATA_DIR ?? '.data', 'demo-tokens.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')).till;
  } catch {
    return undefined;
  }
}

function browserTill(): Plugin {
  return {
    name: 'pos-browser-till',
    configureServer(server) {
      server.middlewares.use('/pos-catalogue', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(readCatalogue(process.env.POS_CURRENCY ?? 'GBP')));
      });
      server.middlewares.use('/pos-config', (_req, res) => {
        const storeId = process.env.POS_STORE_ID ?? 'store-001';
        const config: TillConfig = {
          graphqlUrl: '/graphql',
          storeId,
          tillId: process.env.POS_TILL_ID ?? 'till-01',
          storeName: process.env.POS_STORE_NAME ?? storeId,
          productQuery: process.env.POS_PRODUCT_QUERY || null,
          productMapping: productMapping(),
          currencyCode: process.env.POS_CURRENCY ?? 'GBP',
          ...DEFAULT_WEDGE,
          wedgeMinLength: Number(process.env.POS_WEDGE_MIN_LENGTH ?? DEFAULT_WEDGE.wedgeMinLength),
          wedgeMaxGapMs: Number(process.env.POS_WEDGE_MAX_GAP_MS ?? DEFAULT_WEDGE.wedgeMaxGapMs),
          hasToken: Boolean(tillToken()),
        };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(config));
      });
    },
  };
}

const target = process.env.POS_GRAPHQL_URL ?? 'http://localhost:4001/graphql';

export default defineConfig({
  root: path.resolve(here, 'src/renderer'),
  base: './',
  plugins: [react(), browserTill()],
  build: { outDir: path.resolve(here, 'dist/renderer'), emptyOutDir: true },
  server: {
    port: Number(process.env.POS_WEB_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/graphql': {
        target: new URL(target).origin,
        changeOrigin: true,
        rewrite: () => new URL(target).pathname,
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            const token = tillToken();
            if (token) req.setHeader('authorization', `Bearer ${token}`);
          });
        },
      },
    },
  },
});
