/**
 * @module web/pages/networks/layout-runner
 * Starts the force layout for the graph view in a Web Worker, so the page stays responsive; where a
 * worker cannot start, the same layout runs on the main thread in slices of a few milliseconds per
 * animation frame. Either way the caller gets positions as they improve and a function to stop.
 */
import { ForceLayout, type LayoutOptions } from "./force-layout.ts";

export interface LayoutRequest {
  n: number;
  pairs: Uint32Array;
  options: LayoutOptions;
}

export interface LayoutUpdate {
  x: Float32Array;
  y: Float32Array;
  iteration: number;
  maxIterations: number;
  done: boolean;
}

function onMainThread(request: LayoutRequest, onUpdate: (update: LayoutUpdate) => void): () => void {
  const layout = new ForceLayout(request.n, request.pairs, request.options);
  let frame = 0;
  const slice = () => {
    const started = performance.now();
    do layout.tick();
    while (!layout.done && performance.now() - started < 6);
    onUpdate({ x: Float32Array.from(layout.x), y: Float32Array.from(layout.y), iteration: layout.iteration, maxIterations: layout.maxIterations, done: layout.done });
    if (!layout.done) frame = requestAnimationFrame(slice);
  };
  frame = requestAnimationFrame(slice);
  return () => cancelAnimationFrame(frame);
}

/** Lays out n nodes joined by `pairs` (index pairs); returns a function that stops the run. */
export function startLayout(request: LayoutRequest, onUpdate: (update: LayoutUpdate) => void): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return onMainThread(request, onUpdate);
  }
  let stopFallback: (() => void) | null = null;
  worker.onmessage = (event: MessageEvent<LayoutUpdate>) => onUpdate(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    stopFallback ??= onMainThread(request, onUpdate);
  };
  worker.postMessage({ ...request, pairs: request.pairs.slice() });
  return () => {
    worker.terminate();
    stopFallback?.();
  };
}
