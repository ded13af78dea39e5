/**
 * `npm run codegen`: builds scripts/codegen when its sources changed (scripts/go-build.sh) and
 * regenerates every committed SDK from the schema of these sources (plugin/schema.ts). Run it
 * after any change to the schema; tests/plugin/sdk-current.test.ts fails until it is run.
 */
import * as fs from "fs";
import * as path from "path";
import { COMMITTED_SDKS, codegenBinary, generateSdk } from "./sdks";

const repo = path.resolve(__dirname, "..", "..");
const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { version: string };
const binary = codegenBinary(repo, true);
for (const { language, dir } of COMMITTED_SDKS) {
  generateSdk(binary, language, path.join(repo, dir), version);
  console.log(`codegen: wrote the ${language} SDK of bucket-cors v${version} to ${dir}`);
}
