/**
 * Seeds for a randomised test: `count` fresh ones each run, so every run tries new cases,
 * or the one in the environment variable `variable` (to repeat a failure exactly). They are
 * printed, and tests put them in their names, so a failing run says how to repeat it.
 */
export function testSeeds(variable: string, count = 1): number[] {
  const fixed = (globalThis as { process?: { env: Record<string, string | undefined> } }).process
    ?.env[variable];
  if (fixed !== undefined && fixed !== '') {
    const seed = Number(fixed);
    if (!Number.isSafeInteger(seed)) throw new Error(`${variable} must be a whole number`);
    return [seed];
  }
  const seeds = Array.from({ length: count }, () => Math.floor(Math.random() * 2 ** 31));
  console.log(`${variable}: seeds ${seeds.join(', ')} (set ${variable}=<seed> to repeat one)`);
  return seeds;
}
