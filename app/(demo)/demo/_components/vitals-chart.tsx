// A clean SVG line chart of one vital sign over time, with its points labelled for screen readers. Axis labels
// are HTML (12 px at any width, with units) rather than SVG text that shrinks with the chart.
interface Point {
  at: string;
  value: number;
  unit: string;
}

export function VitalsChart({ title, points, color }: { title: string; points: Point[]; color: string }) {
  if (points.length === 0) return null;
  const width = 420;
  const height = 120;
  const pad = 8;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const path = points.map((p, i) => `${i ? "L" : "M"} ${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ");
  const latest = points[points.length - 1];
  const unit = latest.unit;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption className="flex items-baseline justify-between gap-2">
        <span className="font-semibold text-slate-900">{title}</span>
        <span className="text-sm text-slate-600">
          latest {latest.value} {unit}
        </span>
      </figcaption>
      <div className="mt-2 grid grid-cols-[auto_1fr] gap-x-2">
        <div className="flex flex-col justify-between text-right text-xs text-slate-600" aria-hidden>
          <span>
            {max} {unit}
          </span>
          <span>
            {min} {unit}
          </span>
        </div>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="w-full"
          role="img"
          aria-label={`${title}: ${points.map((p) => `${p.at.slice(0, 10)} ${p.value} ${p.unit}`).join("; ")}`}
        >
          <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#e2e8f0" />
          <path d={path} fill="none" stroke={color} strokeWidth={2.5} strokeLinejoin="round" />
          {points.map((p, i) => (
            <circle key={p.at} cx={x(i)} cy={y(p.value)} r={3} fill={color} />
          ))}
        </svg>
        <span />
        <div className="flex justify-between text-xs text-slate-600" aria-hidden>
          <span>{points[0].at.slice(0, 7)}</span>
          <span>{latest.at.slice(0, 7)}</span>
        </div>
      </div>
    </figure>
  );
}
