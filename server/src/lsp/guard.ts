// Every handler runs inside a guard: one failing feature must never take the server down or leave
// a request unanswered. A failure is logged with the method name (no letter text) and answered
// with the feature's empty value; InvalidParams and cancellation errors go back to the client.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { errorForLog, type Log } from './log';

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export function guardRequest<P, R>(log: Log, method: string, empty: R, handler: Handler<P, R>): Handler<P, R> {
  return async (params, token) => {
    try {
      throwIfCancelled(token);
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`${method} failed: ${errorForLog(error)}`);
      return empty;
    }
  };
}

export function guardNotification<P>(log: Log, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    const report = (error: unknown) => log.error(`${method} failed: ${errorForLog(error)}`);
    try {
      const done = handler(params);
      if (done instanceof Promise) done.catch(report);
    } catch (error) {
      report(error);
    }
  };
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Lets queued messages (a $/cancelRequest, requests for other documents) run before long work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
