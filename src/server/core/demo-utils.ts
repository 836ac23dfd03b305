/** Small pieces the pure demo generators share (places, grids): seeded, deterministic, no I/O. */

export type Rng = () => number;

/** `list[index]`, or a RangeError: generators index computed positions and must not read past the end. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range (length ${list.length})`);
  return item;
}

/** A shuffled copy (Fisher–Yates) drawn from the seeded generator. */
export function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = at(out, i);
    out[i] = at(out, j);
    out[j] = a;
  }
  return out;
}

/** Split `total` into integer parts proportional to `weights` (largest remainder; ties to the lower index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = at(parts, i) + 1;
    left--;
  }
  return parts;
}

/** One element, uniformly. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return at(list, Math.floor(rng() * list.length));
}

/** Mainland mobile prefixes in common use, for demo phone numbers. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

/** A valid-looking mainland mobile number (11 digits); callers keep their own set when they need uniqueness. */
export function demoMobile(rng: Rng): string {
  return `${pick(rng, MOBILE_PREFIXES)}${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`;
}
