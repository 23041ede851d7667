import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Milliseconds spent in each named step of the current request, in the order the steps ended. */
type StepTimes = Map<string, number>;

const currentSteps = new AsyncLocalStorage<StepTimes>();
const STARTED_AT = Symbol('serverTimingStartedAt');
type TimedResponse = Response & { [STARTED_AT]?: number; serverTimingSteps?: StepTimes };

/**
 * Adds `duration` to the request's step `name`. Does nothing unless SERVER_TIMING is on, so services
 * can mark their steps without knowing whether anyone measures.
 */
export function recordStep(name: string, durationMs: number): void {
  const steps = currentSteps.getStore();
  if (steps) steps.set(name, (steps.get(name) ?? 0) + durationMs);
}

/** Runs `work` and records its duration as the step `name` of the current request (if measured). */
export async function timeStep<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!currentSteps.getStore()) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    recordStep(name, performance.now() - started);
  }
}

/** First middleware: notes when the request reached the app (the body is not parsed yet). */
export function startServerTiming(_request: Request, response: Response, next: NextFunction): void {
  (response as TimedResponse)[STARTED_AT] = performance.now();
  next();
}

/**
 * After the body parsers: opens the request's step record (the time so far is the `body` step) and
 * writes every step, and the `app` total, into a Server-Timing header (W3C) when the response starts.
 * Opened after parsing because the parsers call `next` from stream callbacks outside this context.
 */
export function collectServerTiming(_request: Request, response: Response, next: NextFunction): void {
  const timed = response as TimedResponse;
  const startedAt = timed[STARTED_AT] ?? performance.now();
  const steps: StepTimes = new Map([['body', performance.now() - startedAt]]);
  timed.serverTimingSteps = steps;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => Response;
  (response as unknown as { writeHead: (...args: unknown[]) => Response }).writeHead = (...args: unknown[]) => {
    if (!response.headersSent)
      response.setHeader('Server-Timing', serverTimingHeader(steps, performance.now() - startedAt));
    return writeHead(...args);
  };
  currentSteps.run(steps, () => next());
}

/** `csrf;dur=0.4, rate-limit;dur=1.2, app;dur=9.8`: step names as given, durations in ms. */
export function serverTimingHeader(steps: StepTimes, totalMs: number): string {
  return [...steps, ['app', totalMs] as const].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', ');
}

/** Wraps an Express middleware so its time until it calls `next` counts as the step `name`. */
export function timedMiddleware(
  name: string,
  middleware: (request: Request, response: Response, next: NextFunction) => void,
): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const started = performance.now();
    middleware(request, response, (error?: unknown) => {
      recordStep(name, performance.now() - started);
      next(error);
    });
  };
}
