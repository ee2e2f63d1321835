// The error computeScenario throws with words on bad input; its own module so that the pane's
// failure messages (src/taskpane/failure.ts) need not load the computation with the first screen.
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
}
