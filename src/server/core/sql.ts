/** SQL helpers every module's queries share. */

/** A text matched literally by LIKE: its %, _ and \\ escaped. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Everything at or under a path: one prefix predicate the C-collated path index answers. */
export const underPath = (prefix: string) => `${escapeLike(prefix)}%`;
