/** What a proof suite hands back: pass or fail, the problems found, and its figures for the table. */
export interface Figures {
  ok: boolean;
  problems: string[];
  figures: Record<string, string | number>;
}

export interface Row {
  suite: string;
  db: string;
  result: Figures;
  seconds: number;
}

/** The PASS/FAIL table with each row's figures, and the first problems of a failed row. */
export function table(rows: Row[]): string {
  const lines: string[] = [];
  const width = Math.max(...rows.map((r) => `${r.suite} on ${r.db}`.length), 10);
  for (const row of rows) {
    const head = `${row.result.ok ? 'PASS' : 'FAIL'}  ${`${row.suite} on ${row.db}`.padEnd(width)}  ${row.seconds.toFixed(0)} s`;
    lines.push(head);
    for (const [name, value] of Object.entries(row.result.figures)) lines.push(`        ${name}: ${value}`);
    for (const problem of row.result.problems.slice(0, 15)) lines.push(`      ! ${problem}`);
    if (row.result.problems.length > 15) lines.push(`      ! … ${row.result.problems.length - 15} more`);
  }
  return lines.join('\n');
}
