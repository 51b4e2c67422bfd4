// A clean SVG line chart of one vital sign over time, with its points labelled for screen readers.
interface Point {
  at: string;
  value: number;
  unit: string;
}

export function VitalsChart({ title, points, color }: { title: string; points: Point[]; color: string }) {
  if (points.length === 0) return null;
  const width = 420;
  const height = 140;
  const pad = 28;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const path = points.map((p, i) => `${i ? "L" : "M"} ${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ");
  const latest = points[points.length - 1];
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption className="flex items-baseline justify-between">
        <span className="font-semibold text-slate-900">{title}</span>
        <span className="text-sm text-slate-600">latest {latest.value} {latest.unit}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="mt-2 w-full" role="img" aria-label={`${title}: ${points.map((p) => `${p.at.slice(0, 10)} ${p.value} ${p.unit}`).join("; ")}`}>
        <text x={4} y={y(max) + 4} className="fill-slate-500 text-[10px]">{max}</text>
        <text x={4} y={y(min) + 4} className="fill-slate-500 text-[10px]">{min}</text>
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#e2e8f0" />
        <path d={path} fill="none" stroke={color} strokeWidth={2.5} strokeLinejoin="round" />
        {points.map((p, i) => (
          <circle key={p.at} cx={x(i)} cy={y(p.value)} r={3} fill={color} />
        ))}
        <text x={pad} y={height - 8} className="fill-slate-500 text-[10px]">{points[0].at.slice(0, 7)}</text>
        <text x={width - pad} y={height - 8} textAnchor="end" className="fill-slate-500 text-[10px]">{latest.at.slice(0, 7)}</text>
      </svg>
    </figure>
  );
}
