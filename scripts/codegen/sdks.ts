import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packageSchema } from "../../plugin/schema";

/*
 * The SDKs generated from the package schema by scripts/codegen (Pulumi's own code generators,
 * built by scripts/go-build.sh). `npm run codegen` rewrites each one's directory;
 * tests/plugin/sdk-current.test.ts generates them into a temporary directory and compares.
 */

/** The languages scripts/codegen takes (its --language flag). */
export const CODEGEN_LANGUAGES = ["go", "nodejs", "python", "dotnet"] as const;
export type CodegenLanguage = (typeof CODEGEN_LANGUAGES)[number];

/** The SDKs committed, each with its directory from the repository root. */
export const COMMITTED_SDKS: readonly { readonly language: CodegenLanguage; readonly dir: string }[] = [{ language: "go", dir: "sdk/go" }];

const BUILD = "scripts/go-build.sh";

/**
 * The codegen binary of these sources: built now when `build` (minutes when cold), else a
 * finished build or an Error saying how to build it.
 */
export function codegenBinary(repo: string, build: boolean): string {
  const args = [path.join(repo, BUILD), "--print-path", ...(build ? [] : ["--no-build"]), "codegen"];
  try {
    return execFileSync("bash", args, { encoding: "utf8", stdio: ["ignore", "pipe", build ? "inherit" : "pipe"] }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr !== undefined && stderr !== "" ? stderr : `bash ${BUILD} codegen failed`, { cause: error });
  }
}

/** Generates one language's SDK into `outDir` (replaced) from the schema of these sources. */
export function generateSdk(binary: string, language: CodegenLanguage, outDir: string, version: string): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bucket-cors-schema-"));
  try {
    const schemaFile = path.join(scratch, "schema.json");
    fs.writeFileSync(schemaFile, packageSchema(version));
    execFileSync(binary, ["--language", language, "--schema", schemaFile, "--out", outDir], { stdio: ["ignore", "inherit", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString("utf8").trim() ?? "";
    throw new Error(stderr !== "" ? stderr : `bucket-cors-codegen --language ${language} failed`, { cause: error });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
