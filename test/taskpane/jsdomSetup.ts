// What Fluent UI needs from a browser that jsdom lacks. Import first in each pane test.
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// The pane loads its later views on demand (src/taskpane/lazy.tsx); in jest each first import()
// compiles its modules, which on a loaded 2-core machine takes more than findBy's 1 s default. A
// realistic wait, not a timed test: findBy resolves as soon as what it waits for is shown.
configure({ asyncUtilTimeout: 10_000 });

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
if (typeof g.ResizeObserver === "undefined") g.ResizeObserver = ResizeObserverStub;

// jsdom's Blob has no text() or arrayBuffer(), which every browser the add-in runs in has; read
// through FileReader instead, as those browsers would.
for (const [method, read] of [
  ["text", "readAsText"],
  ["arrayBuffer", "readAsArrayBuffer"],
] as const) {
  if (typeof (Blob.prototype as unknown as Record<string, unknown>)[method] !== "function") {
    Object.defineProperty(Blob.prototype, method, {
      configurable: true,
      value(this: Blob) {
        return new Promise((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result);
          reader.onerror = () => reject(reader.error);
          reader[read](this);
        });
      },
    });
  }
}

// React's "not wrapped in act(...)" warning means a test ended or went on while a state update was
// still pending, so what it asserted may not be what the user sees. It fails the test here, so the
// warnings are fixed (by awaiting what the user would see), never hidden.
const actWarnings: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("not wrapped in act")) actWarnings.push(args[0].split("\n")[0]);
  else consoleError(...args);
};
afterEach(() => {
  const found = actWarnings.splice(0);
  if (found.length > 0) throw new Error(`React state updates outside act() (${found.length}): ${found[0]}`);
});
