import { PACKAGE } from "./json-to-pulumi";

/** The type tokens of the package's resources (https://www.pulumi.com/docs/iac/extending-pulumi/schema/#resource). */
export const RESOURCE_TOKEN = `${PACKAGE}:index:CorsPolicy`;
export const SET_TOKEN = `${PACKAGE}:index:CorsPolicySet`;
