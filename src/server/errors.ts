// Coded errors that actions map to typed results; messages are Swedish and say what to do.
export type AppErrorCode = "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "FORBIDDEN" | "STATE";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: { fieldErrors?: Record<string, string[]>; current?: unknown },
  ) {
    super(message);
  }
}
