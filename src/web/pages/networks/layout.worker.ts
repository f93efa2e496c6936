/**
 * @module web/pages/networks/layout.worker
 * Runs the force layout off the main thread: ticks in slices of about 12 ms, sending the positions after
 * each slice (transferred, not copied) until the layout has cooled or reached its iteration cap.
 */
import { ForceLayout } from "./force-layout.ts";
import type { LayoutRequest, LayoutUpdate } from "./layout-runner.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutUpdate, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let run = 0;

scope.onmessage = (event) => {
  const { n, pairs, options } = event.data;
  const current = ++run;
  const layout = new ForceLayout(n, pairs, options);
  const slice = () => {
    if (current !== run) return;
    const started = performance.now();
    do layout.tick();
    while (!layout.done && performance.now() - started < 12);
    const x = Float32Array.from(layout.x);
    const y = Float32Array.from(layout.y);
    scope.postMessage({ x, y, iteration: layout.iteration, maxIterations: layout.maxIterations, done: layout.done }, [x.buffer, y.buffer]);
    if (!layout.done) setTimeout(slice, 0);
  };
  slice();
};
