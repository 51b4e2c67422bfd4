// One step of the presenter's story: its number, a ✓ once the activity log shows it happened, a sentence for the
// audience, one for developers, and what to do (given by the page).
import type { StoryStep } from "@/lib/walkthrough/story";

interface Props {
  step: StoryStep;
  number: number;
  done: boolean;
  current: boolean;
  children?: React.ReactNode;
}

export function StoryStepCard({ step, number, done, current, children }: Props) {
  return (
    <li
      id={`step-${step.id}`}
      data-testid={`step-${step.id}`}
      data-done={done}
      aria-current={current ? "step" : undefined}
      className={`rounded-xl border bg-white p-4 shadow-sm ${current ? "border-brand-600 ring-2 ring-brand-600/30" : "border-slate-200"}`}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-sm font-bold ${done ? "bg-green-700 text-white" : "bg-slate-200 text-slate-700"}`}
        >
          {done ? "✓" : number}
        </span>
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">
            {number}. {step.title}
            <span className="sr-only">{done ? " (done)" : current ? " (next)" : ""}</span>
          </h3>
          <p className="mt-1 text-slate-800">{step.audience}</p>
          <p className="mt-1 text-sm text-slate-600">
            <span className="font-semibold">Developers:</span> {step.developer}
          </p>
          {children && <div className="mt-2 text-sm">{children}</div>}
        </div>
      </div>
    </li>
  );
}
