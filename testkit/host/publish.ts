import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/**
 * Creates `dir` once: `populate` fills a private staging directory, which is then renamed into
 * place (atomic on one file system). A directory that exists is therefore complete, and when two
 * workers race, the loser throws its copy away and uses the winner's.
 */
export async function publishDir(dir: string, populate: (staging: string) => Promise<void>): Promise<void> {
  if (fs.existsSync(dir)) return;
  const staging = `${dir}.staging-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    await populate(staging);
    fs.renameSync(staging, dir);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    const lostRace = ["ENOTEMPTY", "EEXIST"].includes((e as NodeJS.ErrnoException).code ?? "");
    if (!(lostRace && fs.existsSync(dir))) throw e;
  }
}

/** sha256 over the relative paths and contents of every file below the given roots. */
export function hashFiles(base: string, roots: readonly string[]): string {
  const hash = crypto.createHash("sha256");
  for (const file of roots.flatMap((root) => listFiles(path.join(base, root))).sort()) {
    hash.update(path.relative(base, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}
