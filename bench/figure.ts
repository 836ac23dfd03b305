/** One benchmark figure, as printed in the table and written with --json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  baselineValue: number | null;
  ratio: number | null;
  runs: number;
}
