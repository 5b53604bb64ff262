// The engine rebuilds a SQLite table for most column changes (CREATE "new_X", copy, DROP "X", RENAME), and
// DROP TABLE takes the table's triggers with it. The engine does not model triggers, so a generated
// migration would silently stop the FTS index following "Document". We append the dropped triggers'
// definitions, as the database holds them, to the generated script.

export interface Trigger {
  name: string;
  table: string;
  sql: string;
}

export const LIST_TRIGGERS_SQL = `SELECT "name", "tbl_name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "rowid"`;

export function triggersFromRows(rows: unknown[][]): Trigger[] {
  return rows.flatMap(([name, table, sql]) =>
    typeof name === 'string' && typeof table === 'string' && typeof sql === 'string' ? [{ name, table, sql }] : [],
  );
}

/** `script` plus CREATE TRIGGER statements for the triggers of every table it rebuilds (not of ones it drops for good). */
export function withRebuiltTablesTriggers(script: string, triggers: readonly Trigger[]): string {
  const rebuilt = new Set(
    [...script.matchAll(/^ALTER TABLE "new_(.+)" RENAME TO "(.+)";$/gm)]
      .filter(([, from, to]) => from === to)
      .map(([, , table]) => table),
  );
  const lost = triggers.filter((trigger) => rebuilt.has(trigger.table));
  if (lost.length === 0) return script;
  const tables = [...new Set(lost.map((trigger) => `"${trigger.table}"`))].join(', ');
  return (
    `${script.trimEnd()}\n\n` +
    `-- Re-create the triggers of ${tables}, dropped with the table above (added by src/db/migrate: the\n` +
    `-- engine does not see triggers). Adjust them if this migration renames or removes a column they use.\n` +
    lost.map((trigger) => `${trigger.sql.trim().replace(/;$/, '')};\n`).join('\n')
  );
}
