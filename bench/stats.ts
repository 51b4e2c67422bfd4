// Percentiles and a one-line report for benchmark samples (milliseconds).
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarize(name: string, samples: number[]): { name: string; n: number; p50: number; p99: number; perSecond: number } {
  const p50 = percentile(samples, 50);
  return { name, n: samples.length, p50: round(p50), p99: round(percentile(samples, 99)), perSecond: Math.round(1000 / p50) };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function timeEach(iterations: number, run: () => Promise<unknown>, before?: () => void): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    before?.();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}
