/**
 * Every key of the till, in one table: the keyboard handler looks keys up here, the footer shows
 * the rows of the current screen, and `pos-desktop/README.md`'s key table is checked against it
 * (`keymap.test.ts`). Pure data and a matcher: no React, no DOM.
 */
import type { Stage } from './model';

/** The input fields a binding can depend on (their element ids). */
export type FieldId = 'member-search' | 'coupon-code' | 'product-code' | 'manual-price' | 'manual-category' | 'manual-qty' | 'points' | 'cash' | 'return-sale';

export type Command =
  | 'focus'
  | 'search'
  | 'searchMore'
  | 'coupon'
  | 'code'
  | 'manualLine'
  | 'lineUp'
  | 'lineDown'
  | 'quantityUp'
  | 'quantityDown'
  | 'quantityTyped'
  | 'voidLine'
  | 'cancel'
  | 'newSale'
  | 'startReturn'
  | 'tender'
  | 'maxPoints'
  | 'usePoints'
  | 'exactCash'
  | 'nextNote'
  | 'previousNote'
  | 'complete'
  | 'abandon'
  | 'print'
  | 'returnSale'
  | 'returnUp'
  | 'returnDown'
  | 'returnMore'
  | 'returnLess'
  | 'returnAll'
  | 'confirmReturn';

export interface KeyContext {
  stage: Stage;
  /** The focused till field, or null (none, or a button). */
  field: FieldId | null;
  /** The focused field's text. */
  fieldValue: string;
  searchShown: boolean;
}

export interface KeyBinding {
  /** `KeyboardEvent.key`, with `Ctrl+` in front when Control must be held. */
  key: string;
  /** How the key is written in the footer and the README. */
  label: string;
  /** What it does, as the footer and the README say. */
  does: string;
  stages: readonly Stage[];
  /** Where the focus must be: a field, `none` (no field, or an empty product field), or anywhere. */
  where?: readonly (FieldId | 'none')[];
  /** An extra condition, explained in `does`. */
  when?: (c: KeyContext) => boolean;
  command: Command;
  /** The field to focus (at once, before the command runs). */
  focus?: FieldId;
  /** Shown in the footer (rows inside one field are not). */
  footer: boolean;
}

const MANUAL: FieldId[] = ['manual-price', 'manual-category', 'manual-qty'];

export const KEYMAP: readonly KeyBinding[] = [
  // the sale
  { key: 'F2', label: 'F2', does: 'find a member (search field)', stages: ['sale'], command: 'focus', focus: 'member-search', footer: true },
  { key: 'Enter', label: 'Enter', does: 'search members (a card number identifies at once)', stages: ['sale'], where: ['member-search'], command: 'search', footer: false },
  { key: 'PageDown', label: 'PageDown', does: 'more members (next page of the search)', stages: ['sale'], when: (c) => c.searchShown, command: 'searchMore', footer: false },
  { key: 'F3', label: 'F3', does: 'coupon code', stages: ['sale'], command: 'focus', focus: 'coupon-code', footer: true },
  { key: 'Enter', label: 'Enter', does: 'check the coupon', stages: ['sale'], where: ['coupon-code'], command: 'coupon', footer: false },
  { key: 'F4', label: 'F4', does: 'type a barcode or SKU', stages: ['sale'], command: 'focus', focus: 'product-code', footer: true },
  { key: 'Enter', label: 'Enter', does: 'look the typed code up (as if scanned)', stages: ['sale'], where: ['product-code'], command: 'code', footer: false },
  { key: 'Enter', label: 'Enter', does: 'add the line of a barcode found nowhere, at the typed price', stages: ['sale'], where: MANUAL, command: 'manualLine', footer: false },
  { key: '*', label: 'n *', does: 'quantity n for the selected line (type n in the product field, then *)', stages: ['sale'], where: ['product-code'], when: (c) => /^\d{1,3}$/.test(c.fieldValue), command: 'quantityTyped', footer: false },
  { key: 'ArrowUp', label: '↑', does: 'select the line above', stages: ['sale'], where: ['none'], command: 'lineUp', footer: true },
  { key: 'ArrowDown', label: '↓', does: 'select the line below', stages: ['sale'], where: ['none'], command: 'lineDown', footer: true },
  { key: '+', label: '+', does: 'one more of the selected line', stages: ['sale'], where: ['none'], command: 'quantityUp', footer: true },
  { key: '-', label: '-', does: 'one fewer of the selected line', stages: ['sale'], where: ['none'], command: 'quantityDown', footer: true },
  { key: 'Delete', label: 'Delete', does: 'void the selected line', stages: ['sale'], where: ['none'], command: 'voidLine', footer: true },
  { key: 'F7', label: 'F7', does: 'return (scan the receipt or type its sale id)', stages: ['sale', 'receipt'], command: 'startReturn', footer: true },
  { key: 'F8', label: 'F8', does: 'tender', stages: ['sale'], command: 'tender', focus: 'points', footer: true },
  { key: 'Escape', label: 'Esc', does: 'close the search or the price entry', stages: ['sale'], command: 'cancel', footer: false },
  // the tender
  { key: 'F9', label: 'F9', does: 'maximum points, held at once', stages: ['tender'], command: 'maxPoints', focus: 'cash', footer: true },
  { key: 'Enter', label: 'Enter', does: 'hold the points typed (replaces the current hold)', stages: ['tender'], where: ['points'], command: 'usePoints', focus: 'cash', footer: false },
  { key: 'F7', label: 'F7', does: 'exact cash', stages: ['tender'], command: 'exactCash', focus: 'cash', footer: true },
  { key: 'ArrowUp', label: '↑', does: 'cash given: the next note up', stages: ['tender'], command: 'nextNote', focus: 'cash', footer: true },
  { key: 'ArrowDown', label: '↓', does: 'cash given: the note below (then exact)', stages: ['tender'], command: 'previousNote', focus: 'cash', footer: true },
  { key: 'Enter', label: 'Enter', does: 'complete the sale', stages: ['tender'], where: ['cash', 'none'], command: 'complete', footer: false },
  { key: 'F10', label: 'F10', does: 'complete the sale (again after a failure: nothing is charged twice)', stages: ['tender'], command: 'complete', footer: true },
  { key: 'Escape', label: 'Esc', does: 'abandon the tender (the held points are released)', stages: ['tender'], command: 'abandon', footer: true },
  // the receipt
  { key: 'Ctrl+p', label: 'Ctrl+P', does: 'print the receipt', stages: ['receipt'], command: 'print', footer: true },
  // returns
  { key: 'Enter', label: 'Enter', does: 'find the sale whose id was typed', stages: ['return'], where: ['return-sale'], command: 'returnSale', footer: false },
  { key: 'ArrowUp', label: '↑', does: 'select the line above', stages: ['return'], command: 'returnUp', footer: true },
  { key: 'ArrowDown', label: '↓', does: 'select the line below', stages: ['return'], command: 'returnDown', footer: true },
  { key: '+', label: '+', does: 'one more of the line comes back', stages: ['return'], where: ['none'], command: 'returnMore', footer: true },
  { key: '-', label: '-', does: 'one fewer of the line comes back', stages: ['return'], where: ['none'], command: 'returnLess', footer: true },
  { key: 'F9', label: 'F9', does: 'everything on the sale comes back', stages: ['return'], command: 'returnAll', footer: true },
  { key: 'F10', label: 'F10', does: 'return: points taken back, cash refunded', stages: ['return'], command: 'confirmReturn', footer: true },
  { key: 'Escape', label: 'Esc', does: 'leave the return', stages: ['return'], command: 'cancel', footer: true },
  // everywhere but the tender
  { key: 'F6', label: 'F6', does: 'new sale', stages: ['sale', 'receipt', 'return'], command: 'newSale', footer: true },
];

/** `KeyboardEvent.key` with `Ctrl+` when Control (or Command) is held. */
export function keyName(e: { key: string; ctrlKey: boolean; metaKey?: boolean }): string {
  return (e.ctrlKey || e.metaKey) && e.key.length === 1 ? `Ctrl+${e.key.toLowerCase()}` : e.key;
}

/**
 * Keys a cashier types ahead while the till is busy (function keys, Enter, Escape): their binding
 * is looked up when the commands before them have finished, in the stage those leave, so F8 F9 F7
 * Enter typed in one go reach the tender they are meant for.
 */
export function isTypeAheadKey(key: string): boolean {
  return /^F\d{1,2}$/.test(key) || key === 'Enter' || key === 'Escape';
}

/** The binding for a key in a context, or undefined (the key is the field's). */
export function bindingFor(key: string, c: KeyContext): KeyBinding | undefined {
  return KEYMAP.find((b) => {
    if (b.key !== key || !b.stages.includes(c.stage)) return false;
    if (b.where) {
      const none = c.field === null || (c.field === 'product-code' && c.fieldValue === '');
      if (!b.where.some((w) => (w === 'none' ? none : w === c.field))) return false;
    }
    return b.when ? b.when(c) : true;
  });
}

/** The rows the footer shows on a screen, in table order. */
export function footerFor(stage: Stage): KeyBinding[] {
  return KEYMAP.filter((b) => b.footer && b.stages.includes(stage));
}

const STAGE_NAMES: Record<Stage, string> = { sale: 'sale', tender: 'tender', receipt: 'receipt', return: 'return' };
const FIELD_NAMES: Record<FieldId | 'none', string> = {
  'member-search': 'search field',
  'coupon-code': 'coupon field',
  'product-code': 'product field',
  'manual-price': 'price entry',
  'manual-category': 'price entry',
  'manual-qty': 'price entry',
  points: 'points field',
  cash: 'cash field',
  'return-sale': 'sale id field',
  none: 'not typing',
};

/** The README's key table, generated from the map. */
export function keyTableMarkdown(): string {
  const rows = KEYMAP.map((b) => {
    const where = b.where ? [...new Set(b.where.map((w) => FIELD_NAMES[w]))].join(' or ') : '';
    const screens = b.stages.map((s) => STAGE_NAMES[s]).join(', ');
    return `| ${b.label.replace(/\|/g, '\\|')} | ${screens}${where ? ` (${where})` : ''} | ${b.does} |`;
  });
  return ['| Key | Screen (focus) | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}
