import { checkInputs, type CheckOutcome } from "./check";
import { diffInputs, type DiffOutcome } from "./diff";
import { createPolicy, deletePolicy, readPolicy, updatePolicy, type ReadOutcome } from "./operations";
import { readProviderConfig, setProviderConfig } from "./provider-config";
import type { PolicyInputs, PolicyOutputs } from "./types";

/**
 * The lifecycle as the serialized provider calls it: plain functions of the
 * engine's values. `provider.ts` requires this module by package name and delegates.
 */
export const lifecycle = {
  configure(config: { get(key: string): string | undefined }): void {
    setProviderConfig(readProviderConfig(config));
  },
  check(_olds: Record<string, unknown>, news: Record<string, unknown>): CheckOutcome {
    return checkInputs(news);
  },
  diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): DiffOutcome {
    return diffInputs(olds, news);
  },
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: PolicyOutputs }> {
    return createPolicy(inputs as unknown as PolicyInputs);
  },
  read(id: string, props: Record<string, unknown>): Promise<ReadOutcome> {
    return readPolicy(id, props as unknown as PolicyOutputs);
  },
  async update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: PolicyOutputs }> {
    return { outs: await updatePolicy(olds as unknown as PolicyOutputs, news as unknown as PolicyInputs) };
  },
  delete(_id: string, props: Record<string, unknown>): Promise<void> {
    return deletePolicy(props as unknown as PolicyOutputs);
  },
};
