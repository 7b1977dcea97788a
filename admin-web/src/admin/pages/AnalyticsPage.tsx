import { useState } from 'react';
import { LevelsSection } from '../analytics/LevelsSection';
import { OffersSection } from '../analytics/OffersSection';
import { PointsFlowSection } from '../analytics/PointsFlowSection';
import { SalesSection } from '../analytics/SalesSection';
import { RangePicker, rangeOf, type Range } from '../analytics/RangePicker';
import '../analytics/analytics.css';
import { addDays, browserTimeZone, todayIn } from '../../shared/timezone';

function defaultRange(): Range {
  const zone = browserTimeZone();
  const today = todayIn(zone);
  const r = rangeOf(addDays(today, -29), today, zone, 'DAY');
  if ('range' in r) return r.range;
  throw new Error(`no default range: ${JSON.stringify(r.errors)}`);
}

/**
 * The analytics dashboard: a range, then each measure's section with its chart, table and CSV
 * export. Every figure comes from the service's analytics queries (docs/analytics.md).
 */
export function AnalyticsPage() {
  const [range, setRange] = useState<Range>(defaultRange);
  return (
    <div>
      <h1>Analytics</h1>
      <RangePicker value={range} onChange={setRange} />
      <SalesSection range={range} />
      <PointsFlowSection range={range} />
      <OffersSection range={range} />
      <LevelsSection range={range} />
    </div>
  );
}
