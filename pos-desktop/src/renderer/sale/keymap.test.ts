import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingFor, footerFor, isTypeAheadKey, KEYMAP, keyName, keyTableMarkdown, type KeyContext } from './keymap';

const ctx = (c: Partial<KeyContext>): KeyContext => ({ stage: 'sale', field: null, fieldValue: '', searchShown: false, ...c });

describe('the key map', () => {
  it("is the README's key table", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const table = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
    expect(table, 'pos-desktop/README.md needs the key table between <!-- keys:start --> and <!-- keys:end -->').toBeDefined();
    expect(table).toBe(keyTableMarkdown());
  });

  it('gives each key one meaning per screen and focus', () => {
    const seen = new Set<string>();
    for (const b of KEYMAP) {
      for (const stage of b.stages) {
        for (const where of b.where ?? ['*']) {
          const id = `${b.key}|${stage}|${where}|${b.when ? b.does : ''}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });

  it('keeps +, - and the arrows for the lines unless the cashier is typing', () => {
    expect(bindingFor('+', ctx({}))?.command).toBe('quantityUp');
    expect(bindingFor('+', ctx({ field: 'product-code', fieldValue: '' }))?.command).toBe('quantityUp');
    expect(bindingFor('-', ctx({ field: 'product-code', fieldValue: 'lipstick' }))).toBeUndefined();
    expect(bindingFor('+', ctx({ field: 'member-search', fieldValue: '' }))).toBeUndefined(); // a phone number starts with +
    expect(bindingFor('*', ctx({ field: 'product-code', fieldValue: '12' }))?.command).toBe('quantityTyped');
    expect(bindingFor('*', ctx({ field: 'product-code', fieldValue: 'ab' }))).toBeUndefined();
  });

  it('reads Enter by the field it is pressed in, and F-keys anywhere', () => {
    expect(bindingFor('Enter', ctx({ stage: 'tender', field: 'points' }))?.command).toBe('usePoints');
    expect(bindingFor('Enter', ctx({ stage: 'tender', field: 'cash' }))?.command).toBe('complete');
    expect(bindingFor('Enter', ctx({ stage: 'tender' }))?.command).toBe('complete');
    expect(bindingFor('Enter', ctx({ field: 'product-code', fieldValue: '5000112637922' }))?.command).toBe('code');
    expect(bindingFor('F9', ctx({ stage: 'tender', field: 'points' }))).toMatchObject({ command: 'maxPoints', focus: 'cash' });
    expect(bindingFor('F7', ctx({ stage: 'tender' }))?.command).toBe('exactCash');
    expect(bindingFor('F7', ctx({ stage: 'sale' }))?.command).toBe('startReturn');
    expect(bindingFor('F6', ctx({ stage: 'tender' }))).toBeUndefined();
    expect(keyName({ key: 'p', ctrlKey: true })).toBe('Ctrl+p');
    expect(bindingFor(keyName({ key: 'P', ctrlKey: true }), ctx({ stage: 'receipt' }))?.command).toBe('print');
  });

  it('drives the footer from the same rows', () => {
    expect(footerFor('tender').map((b) => b.label)).toEqual(['F9', 'F7', '↑', '↓', 'F10', 'Esc']);
    for (const stage of ['sale', 'tender', 'receipt', 'return'] as const) expect(footerFor(stage).length).toBeGreaterThan(0);
  });

  it('types ahead function keys, Enter and Escape, never characters a field takes', () => {
    expect(['F8', 'F9', 'F10', 'Enter', 'Escape'].every(isTypeAheadKey)).toBe(true);
    expect(['+', '-', '5', 'a', 'ArrowUp', 'Ctrl+f', 'Tab'].some(isTypeAheadKey)).toBe(false);
    // every type-ahead key the map binds is an F-key, Enter or Escape: nothing a field would lose
    for (const b of KEYMAP) if (isTypeAheadKey(b.key)) expect(/^(F\d+|Enter|Escape)$/.test(b.key)).toBe(true);
  });
});
