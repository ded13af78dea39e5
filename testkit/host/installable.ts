/** A package to install into a project: a name, a content key, and how to put it in place. */
export interface Installable {
  readonly name: string;
  /** Content hash: equal keys mean identical installed files. */
  readonly key: string;
  install(nodeModules: string): Promise<void>;
}
