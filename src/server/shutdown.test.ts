import { describe, expect, it } from "vitest";
import { onShutdown, ownShutdown, runShutdown } from "./shutdown.mjs";

describe("an orderly stop", () => {
  ownShutdown();

  it("waits for every registered stop before it resolves", async () => {
    const done: string[] = [];
    onShutdown(async () => {
      await new Promise((r) => setTimeout(r, 50));
      done.push("jobs");
    });
    onShutdown(async () => {
      done.push("other");
    });
    expect(await runShutdown(1_000)).toBe(0);
    expect(done.sort()).toEqual(["jobs", "other"]);
  });

  it("does not wait past the limit for a stop that hangs, nor let a failing one hold the rest up", async () => {
    const done: string[] = [];
    onShutdown(() => new Promise<void>(() => {}));
    onShutdown(async () => {
      throw new Error("kunde inte stänga");
    });
    onShutdown(async () => {
      done.push("mail");
    });
    const started = Date.now();
    expect(await runShutdown(100)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(done).toEqual(["mail"]);
  });

  it("runs each stop once", async () => {
    let runs = 0;
    onShutdown(async () => {
      runs++;
    });
    await runShutdown(100);
    await runShutdown(100);
    expect(runs).toBe(1);
  });
});
