import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const WORKSPACE_ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment for a child process: services variables removed unless given, so zero-setup stays zero-setup. */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts a built entry point (dist/...) and records everything it prints. */
export function startBuilt(entry: string, env: NodeJS.ProcessEnv): RunningProcess {
  return startBuiltWithArguments(entry, [], env);
}

export function startBuiltWithArguments(entry: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist', entry), ...args], { cwd: WORKSPACE_ROOT, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 30000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline) throw new Error(`no output matching ${pattern} within ${timeoutMs} ms:\n${output}`);
        if (child.exitCode !== null)
          throw new Error(`process exited (${child.exitCode}) before ${pattern}:\n${output}`);
        await sleep(100);
      }
    },
  };
}

// Benchmarks need it too, and they are built without test/: it lives in @probity/testing.
export { freePort } from '@probity/testing';

/** Signs in to a running server as the login page's script would: the headers to act as that person, and their role. */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
): Promise<{ role: string; headers: { cookie: string; 'x-csrf-token': string } }> {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]);
  const session = await fetch(`${base}/api/v1/session`);
  const anonymous = cookiesOf(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: anonymous.join('; ') },
    body: JSON.stringify({ email, password }),
  });
  if (signedIn.status !== 200) throw new Error(`sign-in as ${email} answered ${signedIn.status}`);
  const body = (await signedIn.json()) as { csrfToken: string; user: { role: string } };
  // Later cookies of the same name (the session's CSRF cookie) replace the anonymous ones.
  const cookies = new Map([...anonymous, ...cookiesOf(signedIn)].map((pair) => [pair.split('=')[0], pair]));
  return {
    role: body.user.role,
    headers: { cookie: [...cookies.values()].join('; '), 'x-csrf-token': body.csrfToken },
  };
}

export { waitFor } from '@probity/testing';
