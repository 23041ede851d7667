/**
 * The texts tools/relayout-libs.mjs writes once, when it lays libs/ out: exact edits of known text (a missing anchor
 * is reported for a hand edit, never guessed at) and the spec that keeps folders and layer tags in step.
 */

/** A library's folder is its layer tag (see eslint.config.mjs for what each tag may import). */
export const FOLDER_OF_TAG = { 'layer:infra': 'platform', 'layer:domain': 'domain', 'layer:feature': 'features' };
export const LAYER_FOLDERS = Object.values(FOLDER_OF_TAG);

// ---------------------------------------------------------------------------------------------- one-off edits
/** Exact edits of known text; a missing anchor is reported for a hand edit instead of guessed at. */
export const SPECIFIC_EDITS = {
  '.swcrc': [
    {
      what: 'build: `@probity/*` resolves in each layer folder',
      from: '"@probity/*": ["./libs/*/src/index.ts"]',
      to: `"@probity/*": [${LAYER_FOLDERS.map((f) => `"./libs/${f}/*/src/index.ts"`).join(', ')}]`,
    },
  ],
  'jest.preset.js': [
    {
      what: 'tests: `@probity/*` resolves in each layer folder',
      from: "'^@probity/(.*)$': path.join(workspaceRoot, 'libs/$1/src/index.ts'),",
      to:
        '// A library sits in the folder of its layer (README "Architecture"); Jest tries each in turn.\n' +
        `    '^@probity/(.*)$': [${LAYER_FOLDERS.map((f) => `'${f}'`).join(', ')}].map((layer) =>\n` +
        "      path.join(workspaceRoot, 'libs', layer, '$1/src/index.ts'),\n    ),",
    },
  ],
  'README.md': readmeEdits(),
};

function readmeEdits() {
  const web = '`web` (security headers, error pages, view engine, the central input check)';
  return [
    {
      what: 'README diagram: feature modules live in libs/features',
      from: '│ feature modules (libs/*) ──▶ JobQueue.enqueue(...)    │',
      to: '│ features (libs/features/*) ──▶ JobQueue.enqueue(...)  │',
    },
    {
      what: 'README architecture: the three layers and what may import what',
      from:
        '- `libs/` is organised by capability, each with a small `src/index.ts`:\n' +
        '  - infrastructure: `config` (validated environment), `database`',
      to: [
        '- `libs/` is organised by capability in three layers, one folder each, and each library has a small',
        "  `src/index.ts`. A library's folder is its `layer:*` tag in `project.json` (`apps/api/src/lib-layers.spec.ts`",
        '  fails if they disagree), and `@nx/enforce-module-boundaries` in `eslint.config.mjs` turns the tag into',
        '  what it may import: `libs/domain` imports only `libs/domain`; `libs/platform` imports `libs/domain` and',
        '  `libs/platform`; `libs/features` imports all three, and reaches BullMQ, Redis and Chromium only through',
        '  `libs/platform`; no library imports an app, and apps import any library. Imports name the library, never',
        '  its folder (`@probity/<name>`, also its Nx project name), so moving a library to another layer changes no',
        '  import; a new library goes in the folder of its tag.',
        '  - `libs/platform/` (`layer:infra`), infrastructure: `config` (validated environment),',
        '    `database`',
      ].join('\n'),
    },
    {
      what: 'README architecture: `web` is listed with the platform libraries',
      from: '    `testing` (per-test databases, queue prefixes,',
      to: `    ${web},\n    \`testing\` (per-test databases, queue prefixes,`,
    },
    {
      what: 'README architecture: the domain folder',
      from: '  - pure domain logic, free of NestJS and I/O: `access`',
      to: '  - `libs/domain/` (`layer:domain`), pure domain logic, free of NestJS and I/O:\n    `access`',
    },
    {
      what: 'README architecture: the features folder',
      from: '  - features (NestJS modules with entities, services, job handlers): `identity`',
      to: '  - `libs/features/` (`layer:feature`), user-facing capabilities as NestJS modules with entities, services\n    and job handlers: `identity`',
    },
    {
      what: 'README architecture: `web` no longer listed with the features',
      from: `\`demo\` (demo fixtures),\n    ${web}.`,
      to: '`demo` (demo fixtures).',
    },
  ];
}

export const LIB_LAYERS_SPEC = `import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Libraries sit in the folder of their layer (README "Architecture"): the folder tells a reader what a library may
 * import, and the \`layer:*\` tag is what ESLint enforces, so the two must never disagree.
 */
const libsDir = join(__dirname, '../../../libs');
const FOLDER_OF_TAG: Record<string, string> = {
  'layer:infra': 'platform',
  'layer:domain': 'domain',
  'layer:feature': 'features',
};

function foldersIn(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const libraries = Object.values(FOLDER_OF_TAG).flatMap((folder) =>
  existsSync(join(libsDir, folder)) ? foldersIn(join(libsDir, folder)).map((name) => ({ folder, name })) : [],
);

describe('library layout', () => {
  it('has only the layer folders directly under libs/', () => {
    expect(foldersIn(libsDir)).toEqual(Object.values(FOLDER_OF_TAG).sort());
  });

  it.each(libraries)('keeps libs/$folder/$name in the folder of its layer tag, under its own name', ({ folder, name }) => {
    const project = JSON.parse(readFileSync(join(libsDir, folder, name, 'project.json'), 'utf8'));
    const layerTags = (project.tags as string[]).filter((tag) => tag.startsWith('layer:'));
    expect({ name: project.name, folders: layerTags.map((tag) => FOLDER_OF_TAG[tag]) }).toEqual({ name, folders: [folder] });
  });
});
`;
