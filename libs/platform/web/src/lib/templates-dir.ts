import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace's templates/ folder, found from this file whether it runs from src (tests) or dist. */
export function templatesDir(): string {
  let directory = __dirname;
  while (directory !== dirname(directory)) {
    const candidate = join(directory, 'templates');
    if (existsSync(join(candidate, 'pages'))) return candidate;
    directory = dirname(directory);
  }
  throw new Error('templates/ folder not found above ' + __dirname);
}
