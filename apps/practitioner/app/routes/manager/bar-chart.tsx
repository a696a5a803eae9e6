// A horizontal bar chart drawn as SVG on the server: no JavaScript, readable at 320 px (each
// label sits above its bar, so labels never squeeze the bars), mirrored for right-to-left
// languages. Screen readers get one image with a title and a description that states every
// value; the same figures are also a table, for anyone who prefers to read them.
import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  /** What is written at the end of the bar ("4", "28%", "Too soon to tell"). */
  display: string;
}

const WIDTH = 340;
const ROW = 56;
const LABEL_BASELINE = 17;
const BAR_TOP = 24;
const BAR_HEIGHT = 20;
/** Roughly the width of one character of a label, in SVG units at 16 px. */
const LABEL_CHAR = 8.5;
// Room after the longest bar for its value.
const VALUE_ROOM = 64;

export function BarChart({
  title,
  bars,
  max,
  dir,
  tableLabel,
  columns,
}: {
  title: string;
  bars: readonly Bar[];
  /** The value of a full-width bar; defaults to the largest value. */
  max?: number;
  dir: "ltr" | "rtl";
  /** The summary of the <details> holding the table. */
  tableLabel: string;
  /** The table's two column headers. */
  columns: [string, string];
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const span = WIDTH - VALUE_ROOM;
  const height = bars.length * ROW + 4;
  const rtl = dir === "rtl";
  return (
    <figure className="hw-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="hw-chart__svg"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{bars.map((b) => `${b.label}: ${b.display}`).join("; ")}</desc>
        {bars.map((bar, i) => {
          const y = i * ROW;
          const length = Math.round((Math.max(0, bar.value) / top) * span);
          // `start` follows the page's direction: the right edge in Arabic. Inside role="img"
          // the texts are presentational: the title and description speak for the chart.
          const labelX = rtl ? WIDTH : 0;
          const barX = rtl ? WIDTH - length : 0;
          const valueX = rtl ? WIDTH - length - 6 : length + 6;
          return (
            <g key={bar.label}>
              <text
                x={labelX}
                y={y + LABEL_BASELINE}
                className="hw-chart__label"
                // A label too long for the width (at about 8.5 units a character) is
                // narrowed to fit rather than cut off: the server cannot measure text.
                {...(bar.label.length * LABEL_CHAR > WIDTH
                  ? { textLength: WIDTH, lengthAdjust: "spacingAndGlyphs" }
                  : {})}
              >
                {bar.label}
              </text>
              <rect
                x={barX}
                y={y + BAR_TOP}
                width={length}
                height={BAR_HEIGHT}
                className="hw-chart__bar"
              />
              <text x={valueX} y={y + BAR_TOP + 16} className="hw-chart__value">
                {bar.display}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="hw-chart__table">
        <summary>{tableLabel}</summary>
        <table className="hw-table">
          <caption className="hw-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{bar.display}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
