import { describe, expect, it } from "vitest";
import { combinatorialBound, lpRelaxationBound } from "./bound.ts";
import { bruteForce } from "./brute-force.ts";
import { parseInstance } from "./instance.ts";
import { lagrangianBound } from "./lagrangian.ts";
import { compile } from "./model.ts";
import { generateInstance } from "./random-instance.ts";

describe("upper bounds on total priority", () => {
  it("order: optimum ≤ LP relaxation ≤ Lagrangian; the combinatorial bound holds too", async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const instance = parseInstance(generateInstance({
        seed, participants: 5, slots: 2 + (seed % 2), tables: 1 + (seed % 3), requests: 7, maxMeetings: seed % 4 === 0 ? undefined : [1, 3],
        rooms: seed % 5 === 0 ? 2 : 1, ...(seed % 3 === 0 ? { slotsPerSession: 1, maxPerSession: 1 } : {}),
      }));
      const m = compile(instance);
      const optimum = bruteForce(instance).priority;
      const lp = await lpRelaxationBound(m);
      expect(lp, `seed ${seed}`).toBeDefined();
      expect(lp!.bound, `seed ${seed}`).toBeGreaterThanOrEqual(optimum);
      expect(combinatorialBound(m), `seed ${seed}`).toBeGreaterThanOrEqual(optimum);
      // Weak duality: every price vector bounds the LP, however few iterations ran.
      for (const maxIterations of [1, 5, 200]) {
        expect(lagrangianBound(m, { target: optimum, deadline: Infinity, maxIterations }), `seed ${seed}`).toBeGreaterThanOrEqual(lp!.bound);
      }
    }
  });

  it("the Lagrangian bound comes close to the LP bound on a mid-size event", async () => {
    const m = compile(parseInstance(generateInstance({ seed: 4, participants: 80, slots: 8, tables: 12, requests: 400, maxMeetings: [2, 6] })));
    const lp = (await lpRelaxationBound(m))!.bound;
    const lag = lagrangianBound(m, { target: Math.floor(lp * 0.97), deadline: Infinity, maxIterations: 1000 });
    expect(lag).toBeGreaterThanOrEqual(lp);
    expect(lag).toBeLessThanOrEqual(Math.ceil(lp * 1.05));
  });
});
