/**
 * PostgreSQL's binary COPY format (`COPY t (...) FROM STDIN WITH (FORMAT binary)`), written into
 * one growing buffer: a header, per row a field count and per field its length and bytes, a
 * trailer. Cheaper than text for both sides: no number or timestamp formatting here, no parsing
 * in the server. Each method writes one field; the caller writes them in the table's column order
 * and with the columns' exact types (the loader checks those against the database first).
 */

/** Milliseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
const PG_EPOCH_MS = 946_684_800_000;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 4_294_967_296;

export class CopyWriter {
  private buf: Buffer;
  private pos = 0;
  rows = 0;
  /** Where `ref` fields were written, and the numbers they refer to. */
  private refs = new Float64Array(1024);
  private refCount = 0;

  constructor(initialBytes = 1 << 20) {
    this.buf = Buffer.allocUnsafe(Math.max(64, initialBytes));
    SIGNATURE.copy(this.buf, 0);
    this.buf.writeInt32BE(0, 11); // flags
    this.buf.writeInt32BE(0, 15); // header extension length
    this.pos = 19;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): this {
    this.room(2);
    this.buf.writeInt16BE(fields, this.pos);
    this.pos += 2;
    this.rows++;
    return this;
  }

  null(): this {
    this.room(4);
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
    return this;
  }

  /** text, varchar. */
  text(value: string | null): this {
    if (value === null) return this.null();
    this.room(4 + value.length * 3);
    const n = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
    return this;
  }

  /** jsonb: a version byte (1), then the JSON text. */
  jsonb(json: string): this {
    this.room(5 + json.length * 3);
    const n = this.buf.write(json, this.pos + 5, 'utf8');
    this.buf.writeInt32BE(n + 1, this.pos);
    this.buf[this.pos + 4] = 1;
    this.pos += 5 + n;
    return this;
  }

  /** bigint (int8), from a safe integer. */
  int8(value: number): this {
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    const hi = Math.floor(value / TWO_32);
    this.buf.writeInt32BE(hi, this.pos + 4);
    this.buf.writeUInt32BE(value - hi * TWO_32, this.pos + 8);
    this.pos += 12;
    return this;
  }

  bool(value: boolean): this {
    this.room(5);
    this.buf.writeInt32BE(1, this.pos);
    this.buf[this.pos + 4] = value ? 1 : 0;
    this.pos += 5;
    return this;
  }

  /** date, from days since 1970-01-01. */
  date(epochDays: number): this {
    this.room(8);
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(epochDays - 10_957, this.pos + 4);
    this.pos += 8;
    return this;
  }

  /** timestamptz, from milliseconds since the Unix epoch (null for null). */
  timestamptz(ms: number | null): this {
    if (ms === null) return this.null();
    return this.int8((ms - PG_EPOCH_MS) * 1000);
  }

  /** uuid, from its 16 bytes. */
  uuidBytes(bytes: Uint8Array): this {
    this.room(20);
    this.buf.writeInt32BE(16, this.pos);
    this.buf.set(bytes, this.pos + 4);
    this.pos += 20;
    return this;
  }

  /** uuid from four 32-bit words, most significant first. */
  uuidWords(a: number, b: number, c: number, d: number): this {
    this.room(20);
    const p = this.pos;
    this.buf.writeInt32BE(16, p);
    this.buf.writeUInt32BE(a >>> 0, p + 4);
    this.buf.writeUInt32BE(b >>> 0, p + 8);
    this.buf.writeUInt32BE(c >>> 0, p + 12);
    this.buf.writeUInt32BE(d >>> 0, p + 16);
    this.pos += 20;
    return this;
  }

  /**
   * A bigint whose value is known only later (an id from a database sequence): `n` now, and
   * `resolve(n)` when `finish(resolve)` is called.
   */
  ref(n: number): this {
    if (this.refCount * 2 + 2 > this.refs.length) {
      const next = new Float64Array(this.refs.length * 2);
      next.set(this.refs);
      this.refs = next;
    }
    this.refs[this.refCount * 2] = this.pos;
    this.refs[this.refCount * 2 + 1] = n;
    this.refCount++;
    return this.int8(0);
  }

  /** The finished COPY data (with the trailer), `ref` fields resolved; the writer must not be used afterwards. */
  finish(resolve?: (n: number) => number): Buffer {
    this.room(2);
    this.buf.writeInt16BE(-1, this.pos);
    this.pos += 2;
    if (this.refCount && !resolve) throw new Error('finish() needs resolve for the ref fields');
    for (let i = 0; i < this.refCount; i++) {
      const at = this.refs[i * 2]!;
      const value = resolve!(this.refs[i * 2 + 1]!);
      const hi = Math.floor(value / TWO_32);
      this.buf.writeInt32BE(hi, at + 4);
      this.buf.writeUInt32BE(value - hi * TWO_32, at + 8);
    }
    return this.buf.subarray(0, this.pos);
  }
}

/** The 16 bytes of a UUID written as text. */
export function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}
