import { stopAll } from "./running";

/** jest globalTeardown: stops what global-setup started (by recorded PID, rgw → osd → mon for RGW) and removes the server dirs. */
export default async function globalTeardown(): Promise<void> {
  const start = Date.now();
  if ((await stopAll()) > 0) process.stderr.write(`real servers: stopped and removed in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);
}
