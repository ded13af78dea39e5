import { existsSync } from "node:fs";
import { join } from "node:path";
import { findPulumiCli, pulumiCliRequired } from "../../testkit/engine/pulumi-cli";

/** The Node.js language host: with it the CLI runs a program itself, as on a normal Pulumi install. */
export const LANGUAGE_HOST = "pulumi-language-nodejs";

/** Why the CLI cannot run a program itself here (no CLI, or no language host beside it), if it cannot. */
function languageHostMissing(): string | undefined {
  const cli = findPulumiCli();
  if (!("binDir" in cli)) return cli.missing;
  return existsSync(join(cli.binDir, LANGUAGE_HOST)) ? undefined : `no ${LANGUAGE_HOST} beside pulumi in ${cli.binDir}`;
}

/**
 * `test` that needs pulumi-language-nodejs beside the pulumi CLI (findPulumiCli's bin directory).
 * Without it the test is skipped with the reason in its title; with REQUIRE_PULUMI_CLI=1 (CI) it
 * fails instead, as describeWithPulumi does for the CLI itself.
 */
export function testWithLanguageHost(name: string, fn: jest.ProvidesCallback, timeout: number): void {
  const missing = languageHostMissing();
  if (missing === undefined) {
    test(name, fn, timeout);
  } else if (pulumiCliRequired()) {
    test(`fails when ${LANGUAGE_HOST} is not beside the pulumi CLI`, () => {
      throw new Error(`REQUIRE_PULUMI_CLI is set: ${missing}`);
    });
  } else {
    test.skip(`${name} [skipped: ${missing}]`, () => undefined);
  }
}
