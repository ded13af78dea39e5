/** A progress indicator on stderr; a no-op unless stderr is a terminal. */
export interface Progress {
  /** Shows `text` with a spinner and the seconds elapsed since `start`. */
  update(text: string): void;
  /** Clears the indicator line. */
  stop(): void;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * Starts a spinner for waits the user would otherwise mistake for a hang
 * (R2 may take 30 s to serve a new CORS rule). Only on a terminal: piped
 * stderr (CI logs, tests) gets nothing, so logs stay free of control codes.
 */
export function startProgress(text: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let current = text;
  let frame = 0;
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    stream.write(`\r\u001b[2K${FRAMES[frame % FRAMES.length] ?? ""} ${current} (${seconds}s)`);
    frame++;
  };
  draw();
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    update(next) {
      current = next;
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write("\r\u001b[2K");
    },
  };
}
