import { stopAll } from "./running";

/** jest globalTeardown: stops what global-setup started (by recorded PID, rgw → osd → mon for RGW) and removes the server dirs. */
export default async function globalTeardown(): Promise<void> {
  await stopAll();
}
