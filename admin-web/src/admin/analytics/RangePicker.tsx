import { useState, type FormEvent } from 'react';
import { FormProblems, SelectField, TextField, type FieldErrors } from '../../shared/forms';
import { addDays, isTimeZone, startOfDayIn } from '../../shared/timezone';

export type Bucket = 'DAY' | 'WEEK' | 'MONTH';

/** A chosen range: calendar dates (inclusive) in a time zone, and as the API's instants (`to` exclusive). */
export interface Range {
  fromDate: string;
  toDate: string;
  timeZone: string;
  bucket: Bucket;
  from: string;
  to: string;
}

export function rangeOf(fromDate: string, toDate: string, timeZone: string, bucket: Bucket): { range: Range } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!isTimeZone(timeZone)) errors.timeZone = `${timeZone || 'That'} is not a time zone (e.g. Europe/London, UTC)`;
  const from = startOfDayIn(fromDate, isTimeZone(timeZone) ? timeZone : 'UTC');
  const to = startOfDayIn(addDays(toDate, 1), isTimeZone(timeZone) ? timeZone : 'UTC');
  if (!from) errors.from = 'Choose the first day';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(toDate) || !to) errors.to = 'Choose the last day';
  else if (from && to <= from) errors.to = 'The last day must not be before the first';
  if (Object.keys(errors).length || !from || !to) return { errors };
  return { range: { fromDate, toDate, timeZone, bucket, from, to } };
}

/** The dashboard's range form: first and last day, bucket, time zone; checked before it is applied. */
export function RangePicker({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  const [fromDate, setFrom] = useState(value.fromDate);
  const [toDate, setTo] = useState(value.toDate);
  const [timeZone, setZone] = useState(value.timeZone);
  const [bucket, setBucket] = useState<Bucket>(value.bucket);
  const [errors, setErrors] = useState<FieldErrors>({});
  function apply(e: FormEvent) {
    e.preventDefault();
    const r = rangeOf(fromDate, toDate, timeZone.trim(), bucket);
    if ('range' in r) {
      setErrors({});
      onChange(r.range);
    } else setErrors(r.errors);
  }
  return (
    <form className="panel row" onSubmit={apply} aria-label="Range">
      <TextField label="First day" type="date" value={fromDate} onChange={(e) => setFrom(e.target.value)} error={errors.from} required />
      <TextField label="Last day" type="date" value={toDate} onChange={(e) => setTo(e.target.value)} error={errors.to} required />
      <SelectField label="By" value={bucket} onChange={(e) => setBucket(e.target.value as Bucket)}>
        <option value="DAY">Day</option>
        <option value="WEEK">Week (from Monday)</option>
        <option value="MONTH">Month</option>
      </SelectField>
      <TextField label="Time zone" value={timeZone} onChange={(e) => setZone(e.target.value)} error={errors.timeZone} hint="IANA name, e.g. Europe/London" />
      <button className="primary" type="submit">
        Show
      </button>
      <FormProblems errors={errors} shown={['from', 'to', 'timeZone']} />
    </form>
  );
}
