import type { INestApplicationContext } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer, request, Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { AppConfig } from '@probity/config';
import { IdentityService } from '@probity/identity';

/**
 * In zero-setup mode the running server holds the embedded database (PGlite) under DATA_DIR, and a
 * second process must not open it. Administration commands such as create-admin then ask the server
 * instead, over a Unix socket inside DATA_DIR: only local processes of the account that owns the data
 * (mode 0600, directory 0700) can connect, which is exactly who could open the database files anyway,
 * so no separate secret is needed and nothing listens on a network port.
 */
export function localAdministrationSocket(dataDir: string): string {
  return join(dataDir, 'run', 'administration.sock');
}

export interface NewAdministrator {
  agency: string;
  email: string;
  name: string;
  password: string;
}

/** An agency's administrator; the agency is created when it does not exist yet. */
export async function createAdministrator(
  identity: IdentityService,
  input: NewAdministrator,
): Promise<{ email: string; agencyName: string }> {
  const agency = await identity.findOrCreateAgency(input.agency);
  const user = await identity.createStaffUser({
    agencyId: agency.id,
    email: input.email,
    name: input.name,
    role: 'admin',
    password: input.password,
  });
  return { email: user.email, agencyName: agency.name };
}

const MAX_BODY_BYTES = 16 * 1024;

function parseNewAdministrator(body: string): NewAdministrator | null {
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    const fields = ['agency', 'email', 'name', 'password'] as const;
    return fields.every((field) => typeof value[field] === 'string') ? (value as unknown as NewAdministrator) : null;
  } catch {
    return null;
  }
}

/** Serves POST /administrators on the socket while the zero-setup server runs; services mode needs none. */
export async function serveLocalAdministration(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<Server | null> {
  if (config.mode !== 'zero-setup') return null;
  const socket = localAdministrationSocket(config.dataDir);
  await mkdir(dirname(socket), { recursive: true, mode: 0o700 });
  // Left behind by a server that did not stop cleanly: this process holds the database now.
  await rm(socket, { force: true });
  const identity = app.get(IdentityService);
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/administrators') return reply(404, { message: 'Not found.' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) req.destroy();
    });
    req.on('end', () => {
      const input = parseNewAdministrator(body);
      if (!input) return reply(400, { message: 'Send agency, email, name and password as JSON strings.' });
      createAdministrator(identity, input).then(
        (created) => reply(201, created),
        (error: unknown) =>
          error instanceof HttpException && error.getStatus() < 500
            ? reply(error.getStatus(), {
                message: (error.getResponse() as { message?: unknown }).message ?? error.message,
              })
            : reply(500, { message: 'The server could not create the administrator; see its log.' }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  await chmod(socket, 0o600);
  // Neither keeps the process alive nor outlives it.
  server.unref();
  process.once('exit', () => rmSync(socket, { force: true }));
  return server;
}

/**
 * Asks the zero-setup server running on this DATA_DIR to create the administrator. Null when no server
 * listens there (no socket, or one left by a stopped server): the caller then opens the database itself.
 */
export function createAdministratorThroughServer(
  dataDir: string,
  input: NewAdministrator,
): Promise<{ email: string; agencyName: string } | null> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        socketPath: localAdministrationSocket(dataDir),
        path: '/administrators',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(body) as { message?: unknown; email: string; agencyName: string };
          if (res.statusCode === 201) resolve(parsed);
          else reject(new Error(Array.isArray(parsed.message) ? parsed.message.join('; ') : String(parsed.message)));
        });
      },
    );
    call.on('error', (error: NodeJS.ErrnoException) =>
      ['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '') ? resolve(null) : reject(error),
    );
    call.end(JSON.stringify(input));
  });
}
