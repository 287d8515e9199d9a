/** `rows` in the order of `ids`, each with its index in `ids`; an id with no row (deleted meanwhile) is left out. */
export function inIdOrder<R extends { id: number }>(ids: readonly number[], rows: readonly R[]): Array<{ row: R; at: number }> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id, at) => {
    const row = byId.get(id);
    return row ? [{ row, at }] : [];
  });
}
