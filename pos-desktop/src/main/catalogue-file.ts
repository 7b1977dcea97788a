/**
 * Reads the till's catalogue file (CSV or JSON, `src/shared/catalogue.ts`) for the renderer's
 * product lookup. A missing or unreadable file is not an error of the request: the answer lists
 * the problem and no products, and the lookup falls back to manual entry.
 */
import { readFile } from 'node:fs/promises';
import { catalogueFormat, parseCatalogue } from '../shared/catalogue';
import type { CatalogueAnswer } from '../shared/ipc';
import { describeError, type Logger } from './log';

/** Files larger than this are refused (a catalogue of 100,000 products is a few MB). */
export const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;

export async function readCatalogueFile(file: string | null, currencyCode: string, log: Logger): Promise<CatalogueAnswer> {
  if (!file) return { products: [], file: null, problems: [] };
  const format = catalogueFormat(file);
  if (!format) return { products: [], file, problems: ['the catalogue file must end in .csv or .json'] };
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_CATALOGUE_BYTES) return { products: [], file, problems: [`the file is larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MB`] };
    text = bytes.toString('utf8');
  } catch (error) {
    log.warn('The catalogue file cannot be read', { file, error: describeError(error) });
    return { products: [], file, problems: [`cannot read it: ${describeError(error)}`] };
  }
  const { products, problems } = parseCatalogue(text, format, currencyCode);
  if (problems.length) log.warn('Catalogue rows left out', { file, problems: problems.slice(0, 20), count: problems.length });
  return { products: [...products], file, problems: [...problems] };
}
