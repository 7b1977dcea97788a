import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('createLogger', () => {
  it('writes one JSON object per line whose core keys fields cannot replace', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line), 'info').warn('Device status', { message: 'not plugged in', level: 'debug', deviceId: 'scanner' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', scope: 'till-main', message: 'Device status', deviceId: 'scanner' });
  });

  it('leaves out what is below POS_LOG_LEVEL', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line), 'warn');
    log.info('a');
    log.warn('b');
    log.error('c');
    createLogger((line) => lines.push(line), 'silent').error('d');
    expect(lines.map((line) => JSON.parse(line).message)).toEqual(['b', 'c']);
  });
});
