/**
 * The SLA aging chart: horizontal bars in SVG, one per bucket, each labelled with its name and
 * count in text and drawn with its own pattern (hatching for late, dots for due now, plain for
 * the rest), so nothing rests on colour. The SVG is one image with a title and a description
 * that lists every number; the same numbers follow as a table for screen readers and copying.
 */
import { useId } from 'preact/hooks';
import type { Language } from '../../utils/i18n';
import { tDashboard } from '../../utils/i18n/dashboard';
import { AGING_BUCKETS, type AgingBucket } from './model';

const ROW = 28;
const LABEL = 230;
const BAR = 300;
const WIDTH = LABEL + BAR + 60;

/** Fill per bucket: a pattern id or a flat colour, chosen to differ in shape as well as hue. */
const FILL: Record<AgingBucket, { pattern?: 'hatch' | 'cross' | 'dots'; color: string }> = {
  'late-long': { pattern: 'cross', color: '#a40e26' },
  late: { pattern: 'hatch', color: '#cf222e' },
  due: { pattern: 'dots', color: '#9a6700' },
  soon: { color: '#bf8700' },
  later: { color: '#1a7f37' },
  'no-clock': { color: '#8c959f' },
};

export function AgingChart({ lang, aging }: { lang: Language; aging: Record<AgingBucket, number> }) {
  const id = useId();
  const label = (b: AgingBucket) => tDashboard(lang, `dash.bucket.${b}`);
  const max = Math.max(1, ...AGING_BUCKETS.map((b) => aging[b]));
  const list = AGING_BUCKETS.map((b) =>
    tDashboard(lang, 'dash.bucketItem', { bucket: label(b), count: aging[b] }),
  )
    .join('; ')
    .concat('.');
  const height = AGING_BUCKETS.length * ROW + 8;
  return (
    <section class="pd-section" aria-labelledby={`${id}-title`} data-testid="dash-aging">
      <h2 id={`${id}-title`} class="pd-heading">
        {tDashboard(lang, 'dash.aging')}
      </h2>
      <svg
        class="pd-chart"
        role="img"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px` }}
        aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
        data-testid="dash-aging-chart"
      >
        <title id={`${id}-svg-title`}>{tDashboard(lang, 'dash.aging')}</title>
        <desc id={`${id}-svg-desc`}>{tDashboard(lang, 'dash.agingDesc', { list })}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={FILL.late.color} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2" />
          </pattern>
          <pattern id={`${id}-cross`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={FILL['late-long'].color} />
            <path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1.2" />
          </pattern>
          <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={FILL.due.color} />
            <circle cx="3" cy="3" r="1.3" fill="#fff" />
          </pattern>
        </defs>
        {AGING_BUCKETS.map((b, i) => {
          const y = 4 + i * ROW;
          const w = aging[b] === 0 ? 0 : Math.max(2, (aging[b] / max) * BAR);
          const fill = FILL[b].pattern ? `url(#${id}-${FILL[b].pattern})` : FILL[b].color;
          return (
            <g key={b} data-bucket={b}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} text-anchor="end" font-size="13" fill="#1b1f24">
                {label(b)}
              </text>
              <rect
                x={LABEL}
                y={y + 4}
                width={w}
                height={ROW - 8}
                fill={fill}
                stroke="#1b1f24"
                stroke-width="0.5"
              />
              <text x={LABEL + w + 6} y={y + ROW / 2 + 4} font-size="13" font-weight="600" fill="#1b1f24">
                {aging[b]}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="pw-table pd-aging-table" data-testid="dash-aging-table">
        <caption>{tDashboard(lang, 'dash.agingTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{tDashboard(lang, 'dash.col.bucket')}</th>
            <th scope="col" class="pd-num">
              {tDashboard(lang, 'dash.col.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {AGING_BUCKETS.map((b) => (
            <tr key={b} data-bucket={b}>
              <th scope="row">{label(b)}</th>
              <td class="pd-num" data-testid={`dash-aging-${b}`}>
                {aging[b]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
