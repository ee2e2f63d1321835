// Loaded only by npm run mutation (stryker.config.json): a property that fails under a mutant has
// already killed it, so stop at the first counterexample instead of shrinking it, which can take
// longer than Stryker's timeout and slows every run.
import fc from "fast-check";

fc.configureGlobal({ endOnFailure: true });
