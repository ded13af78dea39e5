import { execFile } from "child_process";

/** Runs a command to completion; rejects with its combined output when it fails. */
export function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout}${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}
