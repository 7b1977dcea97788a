/**
 * The main process's log: one JSON object per line on stderr, like the subgraph's, so a
 * technician can read it from `npm run pos` or the service manager's journal.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = ['info', 'warn', 'error'] as const;

/**
 * @param minimum the least severe level written: POS_LOG_LEVEL (`info`, `warn`, `error`, `silent`), default `info`
 */
export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  minimum: string = process.env.POS_LOG_LEVEL ?? 'info',
): Logger {
  const threshold = minimum === 'silent' ? LEVELS.length : Math.max(0, LEVELS.indexOf(minimum as (typeof LEVELS)[number]));
  const at = (level: (typeof LEVELS)[number]) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) < threshold) return;
    const core = { time: new Date().toISOString(), level, scope: 'till-main', message };
    // Fields come after the core keys but cannot replace them.
    write(`${JSON.stringify({ ...core, ...fields, ...core })}\n`);
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** The message of anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
