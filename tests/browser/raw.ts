import { request } from "node:http";

/**
 * The names of the headers a server sends for a request, seen from Node (no CORS filtering):
 * what a page could read at most. Writes carry `Content-Length: 0` as fetch sends them without a body.
 */
export function headerNamesOf(url: string, method: string, headers: Record<string, string>): Promise<Set<string>> {
  const sent = method === "PUT" || method === "POST" ? { ...headers, "Content-Length": "0" } : headers;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: sent }, (response) => {
      response.resume();
      response.on("end", () => resolve(new Set(Object.keys(response.headers))));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Runs `tasks` with at most `limit` in flight; results in order. */
export async function pooled<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return results;
}
