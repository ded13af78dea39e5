/** Demo output: plain text, colour only on a TTY without NO_COLOR. */
// isTTY is undefined, not false, on a pipe (the type says boolean).
const colour = process.stdout.isTTY && process.env["NO_COLOR"] === undefined;

function paint(code: number, text: string): string {
  return colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export const green = (text: string) => paint(32, text);
export const red = (text: string) => paint(31, text);
export const bold = (text: string) => paint(1, text);
export const dim = (text: string) => paint(2, text);

/** A numbered stage heading. */
export function stage(text: string): void {
  console.log(`\n${bold(`==> ${text}`)}`);
}

/** Left-aligned columns. */
export function table(rows: string[][]): string {
  const visible = (s: string) => s.replace(/\u001b\[\d+m/g, "").length;
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => visible(r[c] ?? ""))));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell + " ".repeat(widths[c]! - visible(cell)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
