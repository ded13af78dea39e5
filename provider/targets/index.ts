export { targetSchema, R2_JURISDICTIONS, type Target, type TargetInput } from "./schema";
export { locationOf, resourceIdOf } from "./identity";
export { endpointOf, regionOf } from "./endpoint";
export { checkTarget } from "./check";
export { describeTarget } from "./describe";
