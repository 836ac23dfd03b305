import type { ResidentTag } from '../../app/api';
import { RESIDENT_TAGS as CATALOGUE } from '../../../shared/resident-tags';

/** The tag catalogue (src/shared/resident-tags.ts), as the console shows and filters it. */
export const RESIDENT_TAGS: readonly ResidentTag[] = CATALOGUE.map((t) => t.key);
export const SENSITIVE_TAGS: ReadonlySet<ResidentTag> = new Set(
  CATALOGUE.filter((t) => t.sensitive).map((t) => t.key),
);
