import type { INestApplication } from '@nestjs/common';

export interface AppRoute {
  method: string;
  /** Express path with `:name` parameters, e.g. `/portal/:token/sections/:index`. */
  path: string;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running application serves, read from its Express router: unlike the OpenAPI
 * document, this includes the pages and the portal (excluded from the document), so a route added
 * later is covered without touching the tests.
 */
export function routesOf(app: INestApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] } };
  const stack = express.router?.stack ?? [];
  const routes: AppRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    // Wildcard layers are middleware mounted for every path (request logging), not routes.
    for (const path of paths.filter((candidate) => !candidate.includes('*')))
      for (const [method, enabled] of Object.entries(layer.route.methods))
        if (enabled && method !== '_all') routes.push({ method: method.toUpperCase(), path });
  }
  return routes;
}

/** The routes an OpenAPI document lists, with `{name}` parameters rewritten to Express's `:name`. */
export function documentedRoutes(document: { paths: Record<string, Record<string, unknown>> }): AppRoute[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, ':$1'),
    })),
  );
}

/** Fills `:name` parameters from the given values. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** A stack frame, a source path or a dependency path in a response body means internals leaked. */
export const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules|\/dist\/(?:apps|libs)\/|\.ts:\d+/;
