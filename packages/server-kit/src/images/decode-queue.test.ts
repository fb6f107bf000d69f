import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.ts";
import { createDecodeQueue } from "./decode-queue.ts";

/** A task that runs until released, recording how many run at once. */
function tasks() {
  const releases: (() => void)[] = [];
  const state = { running: 0, most: 0, started: [] as number[] };
  const task = (id: number) => () =>
    new Promise<number>((resolve) => {
      state.running += 1;
      state.most = Math.max(state.most, state.running);
      state.started.push(id);
      releases.push(() => {
        state.running -= 1;
        resolve(id);
      });
    });
  const releaseOne = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { state, task, releaseOne };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the decode queue", () => {
  it("runs at most `concurrency` tasks at once; the rest wait and start in arrival order", async () => {
    const queue = createDecodeQueue({ concurrency: 2, maxWaiting: 10, filesPerUpload: 8 });
    const { state, task, releaseOne } = tasks();
    const results = Array.from({ length: 6 }, (_, i) => queue.run(task(i)));
    await settle();
    expect(state.started).toEqual([0, 1]);
    for (let i = 0; i < 6; i += 1) await releaseOne();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(state.started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(state.most).toBe(2);
  });

  it("refuses new uploads with 503 and Retry-After once the line is full, and files past one more upload's worth", async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxWaiting: 2, filesPerUpload: 8 });
    const { task, releaseOne } = tasks();
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal(() => queue.admit())).toBeUndefined();
    const admitted = [queue.run(task(0)), queue.run(task(1))];
    expect(refusal(() => queue.admit())).toBeUndefined(); // one running, one waiting: room for one more
    admitted.push(queue.run(task(2)));
    const busy = refusal(() => queue.admit());
    expect(busy).toBeInstanceOf(AppError);
    expect(busy).toMatchObject({ status: 503, code: "dependency_unavailable" });
    expect(Number((busy as AppError).headers["retry-after"])).toBeGreaterThan(0);
    // Files of uploads already under way still join, up to one upload's worth (8) more.
    for (let i = 3; i < 11; i += 1) admitted.push(queue.run(task(i)));
    expect(await queue.run(task(11)).catch((e: unknown) => e)).toMatchObject({ status: 503 });
    for (let i = 0; i < 11; i += 1) await releaseOne();
    expect(await Promise.all(admitted)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(refusal(() => queue.admit())).toBeUndefined();
  });

  it("drops a waiting task whose upload was abandoned, and frees slots of failed tasks", async () => {
    const queue = createDecodeQueue({ concurrency: 1, maxWaiting: 5, filesPerUpload: 8 });
    const { state, task, releaseOne } = tasks();
    const first = queue.run(task(0));
    const abandoned = new AbortController();
    const dropped = queue.run(task(1), abandoned.signal).catch((e: unknown) => e);
    const failing = queue.run(() => Promise.reject(new Error("corrupt"))).catch((e: Error) => e.message);
    const last = queue.run(task(3));
    abandoned.abort(new Error("upload refused"));
    expect(await dropped).toEqual(new Error("upload refused"));
    await releaseOne();
    expect(await failing).toBe("corrupt");
    await settle();
    expect(state.started).toEqual([0, 3]);
    await releaseOne();
    expect(await Promise.all([first, last])).toEqual([0, 3]);
  });
});
