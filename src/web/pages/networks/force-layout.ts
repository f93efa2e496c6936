/**
 * @module web/pages/networks/force-layout
 * A force-directed layout for the graph view, pure and dependency-free so it runs in a Web Worker (or in
 * slices on the main thread): many-body repulsion by Barnes–Hut on a quadtree rebuilt each tick
 * (O(n log n)), springs along the edges, a weak pull to the centre that keeps disconnected components
 * in view, velocity decay, and a cooling `alpha` that stops the run after a capped number of ticks.
 * The forces follow d3-force's definitions (manyBody, link, x/y), so the pictures look familiar.
 */

export interface LayoutOptions {
  /** Ticks at most (the cap); the run also stops when alpha falls below alphaMin. */
  iterations?: number;
  /** Spring rest length. */
  linkDistance?: number;
  /** Many-body strength; negative repels. */
  charge?: number;
  /** Barnes–Hut opening criterion: a cell of width w at distance d counts as one body when w/d < theta. */
  theta?: number;
  /** Pull towards the centre. */
  gravity?: number;
  /** Share of velocity lost each tick. */
  velocityDecay?: number;
  /** Seed of the small random nudges that separate coincident nodes. */
  seed?: number;
}

const MAX_DEPTH = 32;
const DISTANCE_MIN2 = 1;

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A quadtree over points for Barnes–Hut. Cells live in flat typed arrays; a leaf holds a linked list of
 * points (several only when they coincide or the depth limit is reached). Children are always created
 * after their parent, so summing masses in reverse creation order visits children first.
 */
export class QuadTree {
  private capacity = 0;
  count = 0;
  children = new Int32Array(0);
  head = new Int32Array(0);
  internal = new Uint8Array(0);
  size = new Float64Array(0);
  mass = new Float64Array(0);
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  next: Int32Array;

  constructor(n: number) {
    this.next = new Int32Array(n);
    this.grow(Math.max(16, n * 2));
  }

  private grow(capacity: number): void {
    const keep = this.count;
    const children = new Int32Array(capacity * 4).fill(-1);
    children.set(this.children.subarray(0, keep * 4));
    const head = new Int32Array(capacity).fill(-1);
    head.set(this.head.subarray(0, keep));
    const internal = new Uint8Array(capacity);
    internal.set(this.internal.subarray(0, keep));
    const grown = (old: Float64Array): Float64Array<ArrayBuffer> => {
      const a = new Float64Array(capacity);
      a.set(old.subarray(0, keep));
      return a;
    };
    this.children = children;
    this.head = head;
    this.internal = internal;
    this.size = grown(this.size);
    this.mass = grown(this.mass);
    this.cx = grown(this.cx);
    this.cy = grown(this.cy);
    this.capacity = capacity;
  }

  private newCell(size: number): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const cell = this.count++;
    this.children.fill(-1, cell * 4, cell * 4 + 4);
    this.head[cell] = -1;
    this.internal[cell] = 0;
    this.size[cell] = size;
    this.mass[cell] = 0;
    this.cx[cell] = 0;
    this.cy[cell] = 0;
    return cell;
  }

  /** Root cell's corner and width. */
  x0 = 0;
  y0 = 0;

  build(x: ArrayLike<number>, y: ArrayLike<number>, n: number): void {
    this.count = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      if (xi < minX) minX = xi;
      if (xi > maxX) maxX = xi;
      if (yi < minY) minY = yi;
      if (yi > maxY) maxY = yi;
    }
    if (n === 0) return;
    const width = Math.max(maxX - minX, maxY - minY, 1e-6) * 1.0001;
    this.x0 = minX;
    this.y0 = minY;
    this.newCell(width);
    for (let i = 0; i < n; i++) this.insert(i, x[i]!, y[i]!, x, y);
    // Masses and centres of mass, children before parents.
    for (let cell = this.count - 1; cell >= 0; cell--) {
      if (this.internal[cell]) {
        let m = 0;
        let sx = 0;
        let sy = 0;
        for (let q = 0; q < 4; q++) {
          const child = this.children[cell * 4 + q]!;
          if (child < 0) continue;
          const cm = this.mass[child]!;
          m += cm;
          sx += this.cx[child]! * cm;
          sy += this.cy[child]! * cm;
        }
        this.mass[cell] = m;
        this.cx[cell] = m > 0 ? sx / m : 0;
        this.cy[cell] = m > 0 ? sy / m : 0;
      } else {
        let m = 0;
        let sx = 0;
        let sy = 0;
        for (let p = this.head[cell]!; p >= 0; p = this.next[p]!) {
          m += 1;
          sx += x[p]!;
          sy += y[p]!;
        }
        this.mass[cell] = m;
        this.cx[cell] = m > 0 ? sx / m : 0;
        this.cy[cell] = m > 0 ? sy / m : 0;
      }
    }
  }

  private insert(p: number, px: number, py: number, x: ArrayLike<number>, y: ArrayLike<number>): void {
    let cell = 0;
    let cx0 = this.x0;
    let cy0 = this.y0;
    let depth = 0;
    this.next[p] = -1;
    for (;;) {
      const size = this.size[cell]!;
      if (this.internal[cell]) {
        const half = size / 2;
        const right = px >= cx0 + half ? 1 : 0;
        const bottom = py >= cy0 + half ? 1 : 0;
        const q = right + bottom * 2;
        if (right) cx0 += half;
        if (bottom) cy0 += half;
        let child = this.children[cell * 4 + q]!;
        if (child < 0) {
          child = this.newCell(half);
          this.children[cell * 4 + q] = child;
          this.head[child] = p;
          return;
        }
        cell = child;
        depth++;
        continue;
      }
      const first = this.head[cell]!;
      if (first < 0) {
        this.head[cell] = p;
        return;
      }
      if (depth >= MAX_DEPTH || (x[first] === px && y[first] === py)) {
        this.next[p] = first;
        this.head[cell] = p;
        return;
      }
      // Split the leaf: its points move one level down, then p is inserted again from here.
      this.internal[cell] = 1;
      this.head[cell] = -1;
      const half = size / 2;
      const fx = x[first]!;
      const fy = y[first]!;
      const q = (fx >= cx0 + half ? 1 : 0) + (fy >= cy0 + half ? 2 : 0);
      const child = this.newCell(half);
      this.children[cell * 4 + q] = child;
      this.head[child] = first;
    }
  }
}

export class ForceLayout {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  alpha = 1;
  readonly alphaMin = 0.001;
  readonly alphaDecay: number;
  iteration = 0;
  readonly maxIterations: number;
  private readonly source: Uint32Array;
  private readonly target: Uint32Array;
  private readonly bias: Float64Array;
  private readonly strength: Float64Array;
  private readonly linkDistance: number;
  private readonly charge: number;
  private readonly theta2: number;
  private readonly gravity: number;
  private readonly decay: number;
  private readonly random: () => number;
  private readonly tree: QuadTree;

  /** `edges` holds pairs of node indices: [s0, t0, s1, t1, …]. Self-loops are ignored. */
  constructor(n: number, edges: ArrayLike<number>, options: LayoutOptions = {}) {
    this.n = n;
    this.maxIterations = options.iterations ?? 300;
    this.alphaDecay = 1 - Math.pow(this.alphaMin, 1 / Math.max(1, this.maxIterations));
    this.linkDistance = options.linkDistance ?? 30;
    this.charge = options.charge ?? -30;
    this.theta2 = (options.theta ?? 0.9) ** 2;
    this.gravity = options.gravity ?? 0.06;
    this.decay = 1 - (options.velocityDecay ?? 0.4);
    this.random = lcg(options.seed ?? 1);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.vx = new Float64Array(n);
    this.vy = new Float64Array(n);
    // Phyllotaxis start (as d3): evenly spread, deterministic.
    const angle = Math.PI * (3 - Math.sqrt(5));
    for (let i = 0; i < n; i++) {
      const r = 10 * Math.sqrt(0.5 + i);
      this.x[i] = r * Math.cos(i * angle);
      this.y[i] = r * Math.sin(i * angle);
    }
    const pairs: number[] = [];
    for (let i = 0; i + 1 < edges.length; i += 2) {
      const s = edges[i]!;
      const t = edges[i + 1]!;
      if (s !== t && s < n && t < n) pairs.push(s, t);
    }
    const m = pairs.length / 2;
    this.source = new Uint32Array(m);
    this.target = new Uint32Array(m);
    const degree = new Uint32Array(n);
    for (let e = 0; e < m; e++) {
      const s = pairs[2 * e]!;
      const t = pairs[2 * e + 1]!;
      this.source[e] = s;
      this.target[e] = t;
      degree[s]!++;
      degree[t]!++;
    }
    this.bias = new Float64Array(m);
    this.strength = new Float64Array(m);
    for (let e = 0; e < m; e++) {
      const ds = degree[this.source[e]!]!;
      const dt = degree[this.target[e]!]!;
      this.bias[e] = ds / (ds + dt);
      this.strength[e] = 1 / Math.min(ds, dt);
    }
    this.tree = new QuadTree(n);
  }

  get done(): boolean {
    return this.iteration >= this.maxIterations || this.alpha < this.alphaMin;
  }

  private jiggle(): number {
    return (this.random() - 0.5) * 1e-6;
  }

  /** One tick: cool, apply the forces to the velocities, move. */
  tick(): void {
    if (this.done) return;
    this.iteration++;
    this.alpha += (0 - this.alpha) * this.alphaDecay;
    const { n, x, y, vx, vy, alpha } = this;

    // Springs (d3 forceLink): pull each edge towards its rest length, the lighter end moving more.
    for (let e = 0; e < this.source.length; e++) {
      const s = this.source[e]!;
      const t = this.target[e]!;
      let dx = x[t]! + vx[t]! - x[s]! - vx[s]!;
      let dy = y[t]! + vy[t]! - y[s]! - vy[s]!;
      if (dx === 0) dx = this.jiggle();
      if (dy === 0) dy = this.jiggle();
      let l = Math.sqrt(dx * dx + dy * dy);
      l = ((l - this.linkDistance) / l) * alpha * this.strength[e]!;
      dx *= l;
      dy *= l;
      const b = this.bias[e]!;
      vx[t]! -= dx * b;
      vy[t]! -= dy * b;
      vx[s]! += dx * (1 - b);
      vy[s]! += dy * (1 - b);
    }

    // Many-body repulsion (d3 forceManyBody) by Barnes–Hut.
    const tree = this.tree;
    tree.build(x, y, n);
    const stack: number[] = [];
    const strength = this.charge * alpha;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      let fx = 0;
      let fy = 0;
      stack.length = 0;
      if (tree.count) stack.push(0);
      while (stack.length) {
        const cell = stack.pop()!;
        const mass = tree.mass[cell]!;
        if (mass === 0) continue;
        let dx = tree.cx[cell]! - xi;
        let dy = tree.cy[cell]! - yi;
        let l = dx * dx + dy * dy;
        const w = tree.size[cell]!;
        if (tree.internal[cell]) {
          if ((w * w) / this.theta2 < l) {
            if (l < DISTANCE_MIN2) l = Math.sqrt(DISTANCE_MIN2 * l);
            const k = (strength * mass) / l;
            fx += dx * k;
            fy += dy * k;
          } else {
            for (let q = 0; q < 4; q++) {
              const child = tree.children[cell * 4 + q]!;
              if (child >= 0) stack.push(child);
            }
          }
          continue;
        }
        // A leaf: its points one by one (except i itself).
        for (let p = tree.head[cell]!; p >= 0; p = tree.next[p]!) {
          if (p === i) continue;
          dx = x[p]! - xi;
          dy = y[p]! - yi;
          if (dx === 0) dx = this.jiggle();
          if (dy === 0) dy = this.jiggle();
          l = dx * dx + dy * dy;
          if (l < DISTANCE_MIN2) l = Math.sqrt(DISTANCE_MIN2 * l);
          const k = strength / l;
          fx += dx * k;
          fy += dy * k;
        }
      }
      vx[i]! += fx;
      vy[i]! += fy;
    }

    // Weak pull to the centre (d3 forceX/forceY), then move.
    const g = this.gravity * alpha;
    for (let i = 0; i < n; i++) {
      vx[i]! += -x[i]! * g;
      vy[i]! += -y[i]! * g;
      vx[i]! *= this.decay;
      vy[i]! *= this.decay;
      x[i]! += vx[i]!;
      y[i]! += vy[i]!;
    }
  }
}
