/** One figure of a benchmark, beside a baseline measured in the same run on the same machine. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  /** value ÷ baseline. */
  ratio: number | null;
  /** What the figure should reach, in words (`≥ 0.40 × raw`, `< 20 ms`); null when it is for information. */
  target: string | null;
  met: boolean | null;
}

export interface BenchOptions {
  /** A small run that finishes in seconds, to check the benchmarks work. */
  quick: boolean;
  /** Command-line flags after the runner's own, e.g. `--key-units 1000`. */
  args: Record<string, string>;
  log: (line: string) => void;
}

export interface BenchModule {
  name: string;
  run(opts: BenchOptions): Promise<BenchResult[]>;
}

/** The p-th percentile (0-100) of a sample, nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
