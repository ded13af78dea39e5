import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { hashFiles } from "./publish";
import type { Installable } from "./installable";

/** Package name the fixture provider is installed under in its project. */
export const FIXTURE_PACKAGE = "harness-fixture";

const FIXTURE_SOURCE = path.join(__dirname, "fixtures", "file-provider.ts");

/**
 * The fixture provider (testkit/host/fixtures/file-provider.ts) as an installable package: the
 * TypeScript is transpiled to CommonJS the same way the real package is built, minus type checks.
 */
export function fixturePackage(): Installable {
  return {
    name: FIXTURE_PACKAGE,
    key: hashFiles(path.dirname(FIXTURE_SOURCE), [path.basename(FIXTURE_SOURCE)]) + ts.version,
    async install(nodeModules) {
      const dir = path.join(nodeModules, FIXTURE_PACKAGE);
      const { outputText } = ts.transpileModule(fs.readFileSync(FIXTURE_SOURCE, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: FIXTURE_SOURCE,
      });
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "index.js"), outputText);
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: FIXTURE_PACKAGE, main: "index.js" }));
    },
  };
}
