/**
 * `true` when `A` and `B` are assignable to each other and have the same keys,
 * else `false`. Used as `const check: SameType<Plain, z.input<...>> = true` so
 * that a hand-written type and the schema it mirrors cannot drift: the line
 * stops compiling. The key check catches an optional field added on one side
 * only, which assignability alone lets through.
 */
export type SameType<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
