import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge';

const detector = () => new WedgeDetector({ minLength: 6, maxGapMs: 35, terminators: ['Enter', 'Tab'] });

function type(d: WedgeDetector, text: string, gapMs: number, start = 1000, terminator = 'Enter') {
  let t = start;
  const results = [...text].map((ch) => d.feed(ch, (t += gapMs)));
  return { results, end: d.feed(terminator, (t += gapMs)) };
}

describe('keyboard-wedge detection', () => {
  it('recognises a fast burst ending in Enter or Tab as a scan', () => {
    expect(type(detector(), '0420000000013', 8).end).toEqual({ kind: 'scan', text: '0420000000013', length: 13 });
    expect(type(detector(), 'LC:ABCD1234EFGH', 3, 0, 'Tab').end.kind).toBe('scan');
  });

  it('leaves human typing alone, even when it ends with Enter', () => {
    expect(type(detector(), '0420000000013', 120).end).toEqual({ kind: 'none' });
    expect(type(detector(), 'ada@example.com', 60).end).toEqual({ kind: 'none' });
  });

  it('ignores short bursts and a slow terminator', () => {
    expect(type(detector(), '12345', 5).end).toEqual({ kind: 'none' });
    const d = detector();
    let t = 0;
    for (const ch of '0420000000013') d.feed(ch, (t += 5));
    expect(d.feed('Enter', t + 500)).toEqual({ kind: 'none' });
  });

  it('starts a new burst after a pause, so typed text before a scan is not part of it', () => {
    const d = detector();
    type(d, 'abc', 150, 0, 'x');
    expect(type(d, '0420000000020', 6, 5000).end).toEqual({ kind: 'scan', text: '0420000000020', length: 13 });
  });
});
