/** Evaluator dialects, for `--dialect` choices: the vocabulary is defined once, in provider/profiles. */
export { DIALECTS } from "../provider/profiles";
