import { collectModules, type WebModule } from '../app/module-kit';

/**
 * Every console module: each folder's index.ts(x) exports `module` (a WebModule). Found by the bundler, so a
 * new module adds no line here; sorted by name.
 */
export const webModules: readonly WebModule[] = collectModules(
  import.meta.glob('./*/index.{ts,tsx}', { eager: true }),
);
