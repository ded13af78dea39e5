/**
 * How an engine operation runs the program:
 * - `directory`: `pulumi up` typed in the project directory, as a user does; the CLI starts
 *   `pulumi-language-nodejs` (from the bin directory), which runs `index.ts` with ts-node.
 * - `inline`: an Automation API inline program (runner.js): the CLI connects back to a Node.js
 *   process that requires the compiled `bin/index.js`, as `stack.up()` users do.
 */
export type EngineRoute = "directory" | "inline";

/** How a test name says the route. */
export const ROUTE_WORDS: Readonly<Record<EngineRoute, string>> = {
  directory: "pulumi typed in the project directory",
  inline: "Automation API inline program",
};
