import { memoized } from "../../provider/model/memo";

describe("memoized", () => {
  test("builds nothing until first used, then once, returning what it built every time", () => {
    let builds = 0;
    const get = memoized(() => ({ built: ++builds }));
    expect(builds).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(get()).toBe(first);
    expect(first).toEqual({ built: 1 });
    expect(builds).toBe(1);
  });

  test("keeps a built undefined, without building again", () => {
    let builds = 0;
    const get = memoized(() => {
      builds++;
      return undefined;
    });
    expect(get()).toBeUndefined();
    expect(get()).toBeUndefined();
    expect(builds).toBe(1);
  });
});
