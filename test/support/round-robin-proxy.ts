import { createServer, request as forward, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A load balancer in front of several api processes, as a production layout has one. */
export interface RoundRobinProxy {
  url: string;
  /** Which backend (by index) answered each request, to show both took part. */
  log: Array<{ backend: number; method: string; path: string }>;
  close(): Promise<void>;
}

/** How long a backend that refused a connection is skipped, as a load balancer's health check would. */
const SKIP_FAILED_MS = 2_000;

/**
 * Sends each request to the next backend in turn (streaming both ways, so Server-Sent Events pass).
 * A backend whose connection fails answers 502 once and is then skipped for a while: what a client
 * saw as failed was never acknowledged, and the next request goes to a live process.
 */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const log: RoundRobinProxy['log'] = [];
  const failedAt = backends.map(() => 0);
  let next = 0;
  const pick = (): number => {
    for (let tried = 0; tried < backends.length; tried++) {
      const index = next++ % backends.length;
      if (Date.now() - failedAt[index] > SKIP_FAILED_MS) return index;
    }
    return next++ % backends.length;
  };
  const server: Server = createServer((incoming, outgoing) => {
    const index = pick();
    const target = new URL(incoming.url ?? '/', backends[index]);
    const upstream = forward(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        log.push({ backend: index, method: incoming.method ?? 'GET', path: target.pathname });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      failedAt[index] = Date.now();
      if (!outgoing.headersSent) outgoing.writeHead(502).end('backend unavailable');
      else outgoing.destroy();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
