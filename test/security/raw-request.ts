import { request as httpRequest } from 'node:http';

/** What a fuzzed request got back: enough to judge it, the JSON body parsed when it is JSON. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: { statusCode?: number; message?: unknown } | undefined;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no dot-segment removal, no re-encoding, as a hostile client may send it. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

/**
 * One HTTP request over Node's own client. The hostile-input suite sends thousands of bodies of up to a few
 * megabytes: supertest (superagent) needs seconds to send such a body, node:http milliseconds, and fetch
 * would normalise the `..` and `%2e%2e` segments the path fuzzing sends on purpose.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(
      { host: hostname, port, method: request.method, path: request.path, headers: request.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          answered = true;
          const text = Buffer.concat(chunks).toString('utf8');
          const type = String(incoming.headers['content-type'] ?? '');
          let body: RawAnswer['body'];
          if (type.includes('application/json') && text) {
            try {
              body = JSON.parse(text);
            } catch {
              body = undefined;
            }
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, body });
        });
      },
    );
    outgoing.setTimeout(request.timeoutMs, () =>
      outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`)),
    );
    // A server may answer (413) and close before a large body is written: the answer counts, the EPIPE not.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(request.body);
  });
}
