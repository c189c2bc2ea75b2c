// Horizontal bar chart drawn on the server as SVG: no chart library, no JavaScript. Readable
// without colour: the first series is solid, the second hatched, a third empty, every bar carries
// its number, and the legend shows each fill. The SVG has a text alternative (its title and a summary in
// <desc>) and the same numbers come as a table under it.
//
// Bars use percentages of the SVG's width and text is laid in pixels, so the chart fills any
// width (a phone included) without shrinking its labels.
export type BarChartRow = { key: string; label: string; values: number[] };

type Props = {
  /** Unique on the page: ids of the SVG's title and patterns derive from it. */
  id: string;
  title: string;
  /** What is counted ("solutions", "fournisseurs"). */
  unit: string;
  /** Name of each value of a row; several series are stacked (solid, hatched, then empty). */
  series: string[];
  rows: BarChartRow[];
  /** Header of the label column of the table, e.g. "Type d'aide". */
  labelHeader: string;
  note?: string;
};

const ROW_HEIGHT = 44;
const BAR_HEIGHT = 16;
// The longest bar leaves room for its number.
const MAX_BAR_PERCENT = 82;
const INK = '#0b5c63'; // brand-700: dark enough to read as black in grayscale

// Solid, hatched, then empty (outlined): told apart without colour.
function fillOf(index: number, patternId: string): string {
  if (index === 0) return INK;
  return index === 1 ? `url(#${patternId})` : '#ffffff';
}

export function BarChart({ id, title, unit, series, rows, labelHeader, note }: Props) {
  const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
  const max = Math.max(0, ...totals);
  const patternId = `${id}-hachures`;
  const titleId = `${id}-titre`;
  const descId = `${id}-resume`;
  const height = rows.length * ROW_HEIGHT + 4;
  const percent = (value: number) => (max === 0 ? 0 : (value / max) * MAX_BAR_PERCENT);
  const isStacked = series.length > 1;
  const valueText = (row: BarChartRow) => (isStacked ? row.values.join(' + ') : String(row.values[0] ?? 0));
  const summary = rows
    .map((row, index) =>
      isStacked
        ? `${row.label} : ${totals[index]} (${row.values.map((value, i) => `${series[i]?.toLowerCase()} ${value}`).join(', ')})`
        : `${row.label} : ${row.values[0] ?? 0}`,
    )
    .join(' ; ');

  return (
    <figure className="chart space-y-3" aria-labelledby={`${id}-legende`}>
      <figcaption id={`${id}-legende`} className="text-lg font-semibold">
        {title}
      </figcaption>
      {isStacked && (
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Légende">
          {series.map((name, index) => (
            <li key={name} className="flex items-center gap-2">
              <svg aria-hidden="true" focusable="false" width="28" height="14" className="shrink-0">
                {index > 0 && <HatchPattern id={`${patternId}-legende`} />}
                <rect x="0.5" y="0.5" width="27" height="13" fill={fillOf(index, `${patternId}-legende`)} stroke={INK} />
              </svg>
              {name}
            </li>
          ))}
        </ul>
      )}
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        width="100%"
        height={height}
        className="block overflow-visible text-slate-900"
        fontSize="14"
      >
        <title id={titleId}>{`${title} (${unit})`}</title>
        <desc id={descId}>{summary}</desc>
        {isStacked && <HatchPattern id={patternId} />}
        {rows.map((row, rowIndex) => {
          const top = rowIndex * ROW_HEIGHT;
          let start = 0;
          return (
            <g key={row.key}>
              <text x="0" y={top + 15} fill="currentColor">
                {row.label}
              </text>
              {row.values.map((value, index) => {
                const x = start;
                start += percent(value);
                if (value === 0) return null;
                return (
                  <rect
                    key={series[index] ?? index}
                    x={`${x}%`}
                    y={top + 22}
                    width={`${percent(value)}%`}
                    height={BAR_HEIGHT}
                    fill={fillOf(index, patternId)}
                    stroke={INK}
                    strokeWidth="1"
                  />
                );
              })}
              <text x={`${start}%`} dx={start === 0 ? 0 : 6} y={top + 35} fill="currentColor" fontWeight="600">
                {valueText(row)}
              </text>
            </g>
          );
        })}
      </svg>
      {note && <p className="text-sm text-slate-700">{note}</p>}
      <details className="chart-data text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Voir ces données en tableau</summary>
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">{`${title} (${unit})`}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-1 pr-3">
                {labelHeader}
              </th>
              {series.map((name) => (
                <th key={name} scope="col" className="py-1 pr-3 text-right">
                  {name}
                </th>
              ))}
              {isStacked && (
                <th scope="col" className="py-1 text-right">
                  Total
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.key} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                </th>
                {row.values.map((value, index) => (
                  <td key={series[index] ?? index} className="py-1 pr-3 text-right tabular-nums">
                    {value}
                  </td>
                ))}
                {isStacked && <td className="py-1 text-right tabular-nums">{totals[rowIndex]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="2.5" />
      </pattern>
    </defs>
  );
}
