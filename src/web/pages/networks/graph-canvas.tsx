/**
 * @module web/pages/networks/graph-canvas
 * The network drawn on a 2D canvas, for thousands of nodes: the force layout runs in a Web Worker
 * (layout-runner.ts) and the canvas redraws at most once a frame as positions arrive. Pan by dragging,
 * zoom with the wheel or the buttons (keyboard: arrows, + and −, 0 to fit); hover shows a node's name,
 * a click selects it. Edges are one path, nodes one path per colour, so a frame stays cheap.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { fitView, hitTest, zoomAt, type ViewTransform } from "./graph-model.ts";
import { startLayout, type LayoutUpdate } from "./layout-runner.ts";

export interface CanvasNode {
  label: string;
  detail: string;
  color: string;
  radius: number;
  /** 2: gatekeeper, 1: representative only, 0: neither. */
  ring: 0 | 1 | 2;
}

export interface GraphCanvasProps {
  nodes: readonly CanvasNode[];
  /** Edges as node index pairs. */
  pairs: Uint32Array;
  /** Changes when the graph itself changes (restarts the layout). */
  layoutKey: string;
  selected: number;
  onSelect: (index: number) => void;
  label: string;
  /** How many of the largest nodes get a name on the canvas. */
  labelled?: number;
}

const GATEKEEPER = "#C8102E";
const REPRESENTATIVE = "#1C2430";

export function GraphCanvas({ nodes, pairs, layoutKey, selected, onSelect, label, labelled = 12 }: GraphCanvasProps) {
  const { t, locale } = useI18n();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const positions = useRef<{ x: Float32Array; y: Float32Array } | null>(null);
  const view = useRef<ViewTransform>({ scale: 1, tx: 0, ty: 0 });
  const size = useRef({ width: 0, height: 0 });
  const userMoved = useRef(false);
  const frame = useRef(0);
  const drag = useRef<{ x: number; y: number; tx: number; ty: number; moved: boolean; pointer: number } | null>(null);
  const [hovered, setHovered] = useState(-1);
  const [progress, setProgress] = useState<{ iteration: number; max: number; done: boolean }>({ iteration: 0, max: 1, done: false });
  const [run, setRun] = useState(0);
  const n = nodes.length;

  // Neighbours (CSR) for highlighting a node's ties.
  const adjacency = useMemo(() => {
    const degree = new Uint32Array(n + 1);
    for (let i = 0; i < pairs.length; i++) degree[pairs[i]!]!++;
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
    const fill = start.slice();
    const list = new Uint32Array(pairs.length);
    for (let e = 0; e + 1 < pairs.length; e += 2) {
      const s = pairs[e]!;
      const tgt = pairs[e + 1]!;
      list[fill[s]!++] = tgt;
      list[fill[tgt]!++] = s;
    }
    return { start, list };
  }, [pairs, n]);

  const byColor = useMemo(() => {
    const groups = new Map<string, number[]>();
    nodes.forEach((node, i) => {
      const list = groups.get(node.color) ?? [];
      list.push(i);
      groups.set(node.color, list);
    });
    return [...groups.entries()];
  }, [nodes]);

  const radii = useMemo(() => Float32Array.from(nodes, (node) => node.radius), [nodes]);

  const labelledNodes = useMemo(
    () =>
      nodes
        .map((node, i) => ({ i, r: node.radius }))
        .sort((a, b) => b.r - a.r)
        .slice(0, labelled)
        .map((x) => x.i),
    [nodes, labelled],
  );

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const pos = positions.current;
    if (!canvas) return;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const { width, height } = size.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!pos) return;
    const { scale, tx, ty } = view.current;
    const sx = (i: number) => pos.x[i]! * scale + tx;
    const sy = (i: number) => pos.y[i]! * scale + ty;
    const focus = hovered >= 0 ? hovered : selected;
    const near = new Set<number>();
    if (focus >= 0 && focus < n) {
      near.add(focus);
      for (let k = adjacency.start[focus]!; k < adjacency.start[focus + 1]!; k++) near.add(adjacency.list[k]!);
    }
    const dim = near.size > 0;

    // Edges.
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = dim ? "rgba(91, 102, 117, 0.14)" : "rgba(91, 102, 117, 0.38)";
    ctx.beginPath();
    for (let e = 0; e + 1 < pairs.length; e += 2) {
      const a = pairs[e]!;
      const b = pairs[e + 1]!;
      ctx.moveTo(sx(a), sy(a));
      ctx.lineTo(sx(b), sy(b));
    }
    ctx.stroke();
    if (dim) {
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = "rgba(28, 36, 48, 0.75)";
      ctx.beginPath();
      for (let k = adjacency.start[focus]!; k < adjacency.start[focus + 1]!; k++) {
        const b = adjacency.list[k]!;
        ctx.moveTo(sx(focus), sy(focus));
        ctx.lineTo(sx(b), sy(b));
      }
      ctx.stroke();
    }

    // Rings under the nodes: gatekeepers red, representatives dark.
    for (const [ring, color] of [
      [2, GATEKEEPER],
      [1, REPRESENTATIVE],
    ] as const) {
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (nodes[i]!.ring !== ring) continue;
        const r = nodes[i]!.radius + 3;
        ctx.moveTo(sx(i) + r, sy(i));
        ctx.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = dim ? 0.35 : 1;
      ctx.lineWidth = 2.4;
      ctx.strokeStyle = color;
      ctx.stroke();
    }

    // Nodes, one path per colour; dimmed when another node is in focus.
    for (const [color, members] of byColor) {
      ctx.beginPath();
      for (const i of members) {
        const r = nodes[i]!.radius;
        ctx.moveTo(sx(i) + r, sy(i));
        ctx.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
      }
      ctx.globalAlpha = dim ? 0.3 : 1;
      ctx.fillStyle = color;
      ctx.fill();
      if (n <= 1500) {
        ctx.lineWidth = 0.8;
        ctx.strokeStyle = "#fff";
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    if (dim) {
      for (const i of near) {
        const node = nodes[i]!;
        ctx.beginPath();
        ctx.arc(sx(i), sy(i), node.radius, 0, 2 * Math.PI);
        ctx.fillStyle = node.color;
        ctx.fill();
        ctx.lineWidth = i === focus ? 2.5 : 1;
        ctx.strokeStyle = i === focus ? "#1C2430" : "#fff";
        ctx.stroke();
      }
    }

    // Names of the largest nodes, and of the focus and its neighbours.
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    const names = dim ? [...near] : labelledNodes;
    for (const i of names) {
      const node = nodes[i]!;
      const x = sx(i) + node.radius + 4;
      const y = sy(i);
      if (x < -200 || x > width + 20 || y < -20 || y > height + 20) continue;
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.strokeText(node.label, x, y);
      ctx.fillStyle = i === focus ? "#000" : "#1C2430";
      ctx.fillText(node.label, x, y);
    }
    canvas.dataset.drawn = String(n);
  }, [nodes, pairs, n, hovered, selected, adjacency, byColor, labelledNodes]);

  // Callbacks made earlier (the layout's, the wheel's) always draw with the latest state.
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const requestDraw = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(() => drawRef.current());
  }, []);

  useEffect(() => {
    requestDraw();
  }, [draw, requestDraw]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const fit = useCallback(() => {
    const pos = positions.current;
    if (!pos) return;
    view.current = fitView(pos.x, pos.y, n, size.current.width, size.current.height, 28);
    requestDraw();
  }, [n, requestDraw]);

  // The layout: restarted when the graph changes or the user asks.
  useEffect(() => {
    userMoved.current = false;
    positions.current = null;
    setProgress({ iteration: 0, max: 1, done: n === 0 });
    if (n === 0) {
      requestDraw();
      return;
    }
    let lastProgress = 0;
    let lastDraw = 0;
    // Large graphs are redrawn about ten times a second while the layout runs, so the page keeps up.
    const drawEvery = n > 800 ? 100 : 0;
    const stop = startLayout({ n, pairs, options: { iterations: n > 4000 ? 220 : 300, seed: 7 } }, (update: LayoutUpdate) => {
      positions.current = { x: update.x, y: update.y };
      if (!userMoved.current) view.current = fitView(update.x, update.y, n, size.current.width, size.current.height, 28);
      const now = performance.now();
      if (update.done || now - lastDraw >= drawEvery) {
        lastDraw = now;
        requestDraw();
      }
      if (update.done || now - lastProgress > 150) {
        lastProgress = now;
        setProgress({ iteration: update.iteration, max: update.maxIterations, done: update.done });
      }
    });
    return stop;
  }, [layoutKey, run]);

  // Canvas size follows its box.
  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    if (!wrap || !canvas) return;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const width = wrap.clientWidth;
      const height = wrap.clientHeight;
      size.current = { width, height };
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      if (!userMoved.current && positions.current) view.current = fitView(positions.current.x, positions.current.y, n, width, height, 28);
      requestDraw();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [n, requestDraw]);

  // Wheel zoom needs a listener that may prevent scrolling the page.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      view.current = zoomAt(view.current, Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
      userMoved.current = true;
      requestDraw();
    };
    canvas.addEventListener("wheel", onWheel, { passive: false });
    return () => canvas.removeEventListener("wheel", onWheel);
  }, [requestDraw]);

  const nodeAt = (clientX: number, clientY: number): number => {
    const canvas = canvasRef.current;
    const pos = positions.current;
    if (!canvas || !pos) return -1;
    const rect = canvas.getBoundingClientRect();
    return hitTest(view.current, pos.x, pos.y, radii, n, clientX - rect.left, clientY - rect.top);
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, tx: view.current.tx, ty: view.current.ty, moved: false, pointer: event.pointerId };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d && d.pointer === event.pointerId) {
      const dx = event.clientX - d.x;
      const dy = event.clientY - d.y;
      if (d.moved || Math.hypot(dx, dy) > 4) {
        d.moved = true;
        userMoved.current = true;
        view.current = { ...view.current, tx: d.tx + dx, ty: d.ty + dy };
        requestDraw();
        return;
      }
    }
    const hit = nodeAt(event.clientX, event.clientY);
    if (hit !== hovered) setHovered(hit);
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) onSelect(nodeAt(event.clientX, event.clientY));
  };
  const zoomBy = (factor: number) => {
    view.current = zoomAt(view.current, factor, size.current.width / 2, size.current.height / 2);
    userMoved.current = true;
    requestDraw();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (move) {
      view.current = { ...view.current, tx: view.current.tx + move[0], ty: view.current.ty + move[1] };
      userMoved.current = true;
      requestDraw();
    } else if (event.key === "+" || event.key === "=") zoomBy(1.25);
    else if (event.key === "-") zoomBy(0.8);
    else if (event.key === "0") {
      userMoved.current = false;
      fit();
    } else if (event.key === "Escape") onSelect(-1);
    else return;
    event.preventDefault();
  };

  const hoverNode = hovered >= 0 ? nodes[hovered] : undefined;
  const pos = positions.current;
  const tip =
    hoverNode && pos
      ? { left: pos.x[hovered]! * view.current.scale + view.current.tx, top: pos.y[hovered]! * view.current.scale + view.current.ty - hoverNode.radius }
      : null;
  const percent = progress.done ? 1 : progress.iteration / Math.max(1, progress.max);

  return (
    <div className="nw-graph-figure" data-layout={progress.done ? "done" : "running"}>
      <div className="nw-graph-toolbar" role="group" aria-label={t("networks.graph.view")}>
        <button type="button" className="small" onClick={() => zoomBy(1.25)}>
          {t("networks.graph.zoomIn")}
        </button>
        <button type="button" className="small" onClick={() => zoomBy(0.8)}>
          {t("networks.graph.zoomOut")}
        </button>
        <button
          type="button"
          className="small"
          onClick={() => {
            userMoved.current = false;
            fit();
          }}
        >
          {t("networks.graph.fit")}
        </button>
        <button type="button" className="small" onClick={() => setRun((r) => r + 1)}>
          {t("networks.graph.relayout")}
        </button>
        <span className="muted small" role="status">
          {progress.done ? t("networks.graph.laidOut") : t("networks.graph.layingOut", { percent: formatNumber(Math.round(percent * 100), locale) })}
        </span>
      </div>
      <div className="nw-graph-canvas" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={label}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHovered(-1)}
          onKeyDown={onKeyDown}
          style={{ cursor: hovered >= 0 ? "pointer" : "grab" }}
        />
        {tip && hoverNode ? (
          <div className="map-card" style={{ left: tip.left, top: tip.top }} aria-hidden="true">
            <strong>{hoverNode.label}</strong>
            <span>{hoverNode.detail}</span>
          </div>
        ) : null}
      </div>
      <p className="muted small">{t("networks.graph.controls")}</p>
    </div>
  );
}
