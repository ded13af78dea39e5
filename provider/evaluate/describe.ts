/** A value as explanations show it: JSON-quoted, so empty strings and spaces stay visible. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** `"a", "b"`; `nothing` for an empty list. */
export function quoteList(values: readonly string[]): string {
  return values.length === 0 ? "nothing" : values.map(quote).join(", ");
}

/** `rules[3]`, the path prefix every per-rule line starts with. */
export function rulePath(index: number): string {
  return `rules[${index}]`;
}
