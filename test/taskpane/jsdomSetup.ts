// What Fluent UI needs from a browser that jsdom lacks. Import first in each pane test.
import "@testing-library/jest-dom";

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
