import { DynamicModule, ForwardReference, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_REQUIREMENT_KEY, AccessRequirement } from '@probity/identity';

/** One HTTP route of a controller, as Nest registers it. */
export interface HttpRoute {
  method: string;
  path: string;
  controller: Type;
  handler: string;
}

type ModuleRef = Type | DynamicModule | ForwardReference | Promise<DynamicModule> | undefined;

const joinPath = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');

/** The controllers a module tree declares, read from Nest's module metadata without starting anything. */
function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type[] {
  // Async dynamic modules are configuration, not controllers; forward references point at a module.
  if (!root || root instanceof Promise || seen.has(root)) return [];
  if ('forwardRef' in root) return controllersOf(root.forwardRef() as Type, seen);
  seen.add(root);
  const moduleClass = typeof root === 'function' ? root : root.module;
  const dynamic = typeof root === 'function' ? {} : root;
  const read = <T>(key: string): T[] => [
    ...((Reflect.getMetadata(key, moduleClass) as T[] | undefined) ?? []),
    ...(((dynamic as Record<string, unknown>)[key] as T[] | undefined) ?? []),
  ];
  return [
    ...read<Type>(MODULE_METADATA.CONTROLLERS),
    ...read<ModuleRef>(MODULE_METADATA.IMPORTS).flatMap((child) => controllersOf(child, seen)),
  ];
}

/** Every HTTP route the module tree serves (the api's routing table, without a database or a port). */
export function httpRoutes(root: ModuleRef): HttpRoute[] {
  return [...new Set(controllersOf(root))].flatMap((controller) => {
    const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '';
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).flatMap((handler) => {
      const target = prototype[handler];
      if (handler === 'constructor' || typeof target !== 'function') return [];
      const path = Reflect.getMetadata(PATH_METADATA, target) as string | string[] | undefined;
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod];
      return [path]
        .flat()
        .flatMap((p) => [base].flat().map((b) => ({ method, path: joinPath(b, p), controller, handler })));
    });
  });
}

/** The route's declared permission, its own or its controller's (as the access guard reads it). */
export function routeRequirement(route: HttpRoute): AccessRequirement | undefined {
  return (Reflect.getMetadata(ACCESS_REQUIREMENT_KEY, route.controller.prototype[route.handler]) ??
    Reflect.getMetadata(ACCESS_REQUIREMENT_KEY, route.controller)) as AccessRequirement | undefined;
}

export const describeRoute = (route: HttpRoute) =>
  `${route.method} ${route.path} (${route.controller.name}.${route.handler})`;
