/** One CorsPolicy in a generated test program: its name and its args as plain JSON. */
export interface PolicySpec {
  readonly name: string;
  readonly args: Record<string, unknown>;
}

/** A Pulumi program (CommonJS text) declaring the given CorsPolicy resources from the installed package. */
export function policyProgram(...policies: PolicySpec[]): string {
  return [
    `const cors = require("pulumi-bucket-cors");`,
    ...policies.map((p) => `new cors.CorsPolicy(${JSON.stringify(p.name)}, ${JSON.stringify(p.args)});`),
  ].join("\n");
}
