// An SVG sequence diagram: one lifeline per party, one arrow (or note) per step, top to bottom in time order.
import { LANES, type SequenceStep } from "@/lib/activity/sequence";

const LANE_WIDTH = 190;
/** The left margin holds each step's sandbox time. */
const TIME_WIDTH = 84;
const ROW = 34;
const TOP = 48;
const COLORS = { normal: "#334155", bad: "#b91c1c", good: "#15803d" };

const time = (at: Date) => at.toISOString().slice(11, 19);

interface Props {
  steps: SequenceStep[];
  label?: string;
  /** Correlation ids whose exchange is kept: their steps link to its Raw HTTP view. */
  exchanges?: Set<string>;
  /** Where the Raw HTTP view opens (the walkthrough keeps its own page in view). */
  target?: "_blank";
}

export function SequenceDiagram({ steps, label = "Sequence diagram of this grant", exchanges, target }: Props) {
  const width = TIME_WIDTH + LANE_WIDTH * LANES.length + 60;
  const height = TOP + Math.max(1, steps.length) * ROW + 20;
  const x = (lane: number) => TIME_WIDTH + LANE_WIDTH * lane + LANE_WIDTH / 2;
  return (
    <div className="overflow-x-auto">
      <svg
        role={exchanges?.size ? "group" : "img"}
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full min-w-[640px] text-xs"
        data-testid="sequence-diagram"
      >
        <defs>
          {Object.entries(COLORS).map(([tone, color]) => (
            <marker
              key={tone}
              id={`arrow-${tone}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
            </marker>
          ))}
        </defs>
        {LANES.map((lane, index) => (
          <g key={lane}>
            <rect x={x(index) - 80} y={6} width={160} height={26} rx={6} fill="#0f172a" />
            <text x={x(index)} y={23} textAnchor="middle" fill="white" fontWeight={600}>
              {lane}
            </text>
            <line x1={x(index)} y1={32} x2={x(index)} y2={height - 6} stroke="#cbd5e1" strokeDasharray="4 4" />
          </g>
        ))}
        <text x={4} y={23} fill="#64748b">
          sandbox time
        </text>
        {steps.map((step, index) => {
          const linked = step.correlationId && exchanges?.has(step.correlationId) ? step.correlationId : null;
          const drawn = drawStep(step, index);
          if (!linked) return drawn;
          return (
            <a
              key={index}
              href={`/console/exchanges/${linked}`}
              {...(target ? { target, rel: "noopener noreferrer" } : {})}
              aria-label={`${step.label}: raw HTTP exchange`}
              className="cursor-pointer [&:hover_text]:underline"
              data-testid="sequence-exchange-link"
            >
              <rect x={TIME_WIDTH} y={TOP + index * ROW - 7} width={width - TIME_WIDTH} height={ROW} fill="transparent" />
              {drawn}
            </a>
          );
        })}
      </svg>
    </div>
  );

  function drawStep(step: SequenceStep, index: number) {
    const y = TOP + index * ROW + 10;
    const color = COLORS[step.tone];
    const stamp = (
      <text x={4} y={y + 4} fill="#64748b" fontFamily="monospace">
        {time(step.at)}
      </text>
    );
    if (step.from === step.to) {
      return (
        <g key={index}>
          {stamp}
          <rect
            x={x(step.from) + 6}
            y={y - 13}
            width={Math.max(LANE_WIDTH - 12, step.label.length * 6.6 + 14)}
            height={22}
            rx={4}
            fill="#f1f5f9"
            stroke={color}
          />
          <text x={x(step.from) + 12} y={y + 2} fill={color}>
            {step.label}
          </text>
        </g>
      );
    }
    return (
      <g key={index}>
        {stamp}
        <line x1={x(step.from)} y1={y} x2={x(step.to)} y2={y} stroke={color} strokeWidth={1.5} markerEnd={`url(#arrow-${step.tone})`} />
        <text x={(x(step.from) + x(step.to)) / 2} y={y - 5} textAnchor="middle" fill={color}>
          {step.label}
        </text>
      </g>
    );
  }
}
