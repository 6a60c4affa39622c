// The job queue running in this process, if any (set by runner.ts): the outbox uses it to enqueue
// in the caller's transaction and to wake the local mail worker. A process without one (a CLI
// script, an integration test that starts no runner) delivers its mail itself after commit.
import type { Prisma } from "@/generated/prisma/client";
import type { QueueName } from "./queues";

export interface LocalQueue {
  /** Inserts a job in `tx` (pg-boss's `db` option): it exists exactly when the transaction commits. */
  sendInTransaction(tx: Prisma.TransactionClient, queue: QueueName, data: object, singletonKey: string): Promise<void>;
  send(queue: QueueName, data: object, singletonKey: string): Promise<void>;
  /** Wakes this process's worker of `queue` now instead of at its next poll. */
  wake(queue: QueueName): void;
}

const KEY = Symbol.for("paragraf.localQueue");
type QueueGlobal = typeof globalThis & { [KEY]?: LocalQueue | null };

export function localQueue(): LocalQueue | null {
  return (globalThis as QueueGlobal)[KEY] ?? null;
}

export function setLocalQueue(queue: LocalQueue | null): void {
  (globalThis as QueueGlobal)[KEY] = queue;
}
