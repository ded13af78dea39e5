import type { Readable } from "stream";

/** One line a child process printed: what the engine would show as a diagnostic. */
export interface Diagnostic {
  readonly source: "host" | "program";
  readonly stream: "stdout" | "stderr";
  readonly text: string;
}

/** Calls `onLine` for every complete line of `stream` (and the last, unterminated one at its end). */
export function eachLine(stream: Readable, onLine: (line: string) => void): void {
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (buffered + chunk).split("\n");
    buffered = lines.pop() ?? "";
    lines.forEach(onLine);
  });
  stream.on("end", () => {
    if (buffered !== "") onLine(buffered);
  });
}
