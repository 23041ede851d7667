#!/usr/bin/env node
/**
 * Issue 14: moves every library from libs/<name> into the folder of its layer, libs/{platform,domain,features}/<name>,
 * and rewrites every path that named the old place. Run it at the root of a clean checkout (it refuses a dirty one):
 *
 *   node tools/relayout-libs.mjs            # move, rewrite, stage; then review `git status` and commit
 *   node tools/relayout-libs.mjs --dry-run  # print the mapping and the files it would change, touch nothing
 *
 * The layer comes from each library's `layer:*` tag in project.json (the tag already decides what the library may
 * import, see eslint.config.mjs), so the folder and the tag cannot disagree and a library added after this script
 * was written still lands in the right place. Import aliases (`@probity/<name>`) and Nx project names stay the
 * bare library name: no source import changes.
 *
 * What it rewrites (all computed in memory first; nothing is touched unless every step can be planned):
 * - `libs/<name>` in every tracked text file (tsconfig.base.json paths, project.json sourceRoot, eslint globs,
 *   lint-fence probes, `dist/libs/<name>` requires in tests, docs and comments);
 * - globs over several libraries (`libs/{a,b}/…`, `libs/*\/…`) in eslint.config.mjs and anywhere else;
 * - relative paths that leave a moved library (`$schema`, jest `preset`, markdown links, imports), when their target
 *   exists;
 * - the `@probity/*` wildcard in .swcrc (build) and jest.preset.js (tests), which become one entry per layer;
 * - the README's architecture section (the three layers and what may import what; texts in relayout-libs.texts.mjs);
 * and it adds apps/api/src/lib-layers.spec.ts, which fails if a library's folder and layer tag ever disagree.
 * Afterwards it formats the changed files that `npm run format:check` covers and runs `nx reset`.
 *
 * Run again on a laid-out libs/, it makes no one-off edit: it moves a library a later branch added flat, rewrites
 * paths such a branch still wrote the old way, and otherwise says "nothing to do". It refuses files under an old
 * folder beside the library's new one (git mv those by hand, then run it again).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { FOLDER_OF_TAG, LAYER_FOLDERS, LIB_LAYERS_SPEC, SPECIFIC_EDITS } from './relayout-libs.texts.mjs';

const root = process.cwd();
const dryRun = process.argv.includes('--dry-run');
const notes = [];

function fail(message) {
  console.error(`relayout-libs: ${message}`);
  process.exit(1);
}
function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
function isDirectory(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

// ---------------------------------------------------------------------------------------------- where we stand
if (
  !existsSync(join(root, 'package.json')) ||
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name !== 'probity'
) {
  fail('run me at the root of the Probity repository.');
}
const libsDir = join(root, 'libs');
const foldersIn = (directory) =>
  readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
/** Libraries already in a layer folder: name → folder. */
const laidOut = new Map(
  LAYER_FOLDERS.filter((folder) => isDirectory(join(libsDir, folder))).flatMap((folder) =>
    foldersIn(join(libsDir, folder)).map((name) => [name, folder]),
  ),
);
/** Libraries still directly under libs/: the ones to move. */
const flat = foldersIn(libsDir).filter((name) => !LAYER_FOLDERS.includes(name));
if (flat.length === 0 && laidOut.size === 0) fail('no libraries under libs/.');

const twice = flat.filter((name) => laidOut.has(name));
if (twice.length > 0) {
  fail(
    `${twice.map((name) => `libs/${name}`).join(', ')} exist(s) beside ` +
      `${twice.map((name) => `libs/${laidOut.get(name)}/${name}`).join(', ')}: a branch merged after the move ` +
      "added files under the old folder. `git mv` them into the library's new folder, commit, then run me again.",
  );
}
if (!dryRun && git('status', '--porcelain').trim() !== '') {
  fail('the working tree has changes; commit or stash them first, so the move is one reviewable change.');
}

/** name → layer folder, from each project.json's one `layer:*` tag. */
const layerOf = new Map(laidOut);
for (const name of flat) {
  const projectFile = join(libsDir, name, 'project.json');
  if (!existsSync(projectFile)) fail(`libs/${name} has no project.json; is it a library?`);
  const project = JSON.parse(readFileSync(projectFile, 'utf8'));
  const layerTags = (project.tags ?? []).filter((tag) => tag.startsWith('layer:'));
  if (layerTags.length !== 1 || !FOLDER_OF_TAG[layerTags[0]]) {
    fail(`libs/${name}/project.json needs exactly one of the tags ${Object.keys(FOLDER_OF_TAG).join(', ')}.`);
  }
  if (project.name !== name) notes.push(`libs/${name}: Nx project name is "${project.name}", not the folder name.`);
  layerOf.set(name, FOLDER_OF_TAG[layerTags[0]]);
}
/** Only a run that finds libs/ flat makes the one-off edits (README, .swcrc, jest preset); later runs only catch up. */
const firstLayout = laidOut.size === 0;
/** A library moved by this run (its files are still at libs/<name>/…). */
const moving = (name) => flat.includes(name);

if (flat.length === 0) {
  console.log(
    'relayout-libs: libs/ is already laid out; moving nothing, only looking for paths that still name an old folder.',
  );
} else {
  console.log('relayout-libs: the layer of each library (from its layer:* tag):');
  for (const folder of LAYER_FOLDERS) {
    const names = flat.filter((name) => layerOf.get(name) === folder);
    if (names.length > 0) console.log(`  libs/${folder}/  ${names.join(' ')}`);
  }
}

// ---------------------------------------------------------------------------------------------- path rewrites
const NAME = '[A-Za-z0-9_-]';
const byLengthDesc = [...layerOf.keys()].sort((a, b) => b.length - a.length);
/** `libs/<name>` not preceded by a name character (so not `mylibs/`) and not followed by one (`libs/web` ≠ `libs/web-x`). */
const ONE_LIB = new RegExp(`(?<![\\w.-])libs/(${byLengthDesc.map(escapeRegExp).join('|')})(?!${NAME})`, 'g');
/** `libs/{a,b,c}`: a glob over several libraries. */
const LIB_BRACES = /(?<![\w.-])libs\/\{([A-Za-z0-9_,-]+)\}/g;
/** `libs/*\/`: a glob over every library; `libs/**` stays right as it is and `libs/*\/*\/` is already rewritten. */
const ANY_LIB = /(?<![\w.-])libs\/\*\/(?!\*\/)/g;

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a repo-relative path goes after the move (unchanged outside moved libraries). */
function movedPath(repoPath) {
  const match = /^libs\/([^/]+)(\/.*)?$/.exec(repoPath);
  if (!match || !moving(match[1])) return repoPath;
  return `libs/${layerOf.get(match[1])}/${match[1]}${match[2] ?? ''}`;
}

function rewriteLibPaths(text) {
  let count = 0;
  const counted = (value) => {
    count += 1;
    return value;
  };
  let out = text.replace(LIB_BRACES, (whole, list) => {
    const names = list.split(',');
    if (!names.every((name) => layerOf.has(name))) return whole;
    const folders = new Set(names.map((name) => layerOf.get(name)));
    if (folders.size === 1) return counted(`libs/${[...folders][0]}/{${list}}`);
    return counted(`libs/{${names.map((name) => `${layerOf.get(name)}/${name}`).join(',')}}`);
  });
  out = out.replace(ANY_LIB, () => counted('libs/*/*/'));
  out = out.replace(ONE_LIB, (_whole, name) => counted(`libs/${layerOf.get(name)}/${name}`));
  return { text: out, count };
}

const RELATIVE_IN_QUOTES = /(['"])(\.\.?\/[^'"\n]*)\1/g;
const RELATIVE_IN_MARKDOWN_LINK = /(\]\()(\.\.?\/[^)\s#]*)/g;

function targetExists(absolute) {
  return ['', '.ts', '.js', '.json', '/index.ts', '/index.js'].some((suffix) => existsSync(absolute + suffix));
}

/** Relative paths in a moved library's file that point outside that library gain the extra folder level. */
function rewriteRelativePaths(repoPath, text) {
  const libRoot = repoPath.split('/').slice(0, 2).join('/');
  const oldDir = dirname(join(root, repoPath));
  const newDir = dirname(join(root, movedPath(repoPath)));
  let count = 0;
  const fix = (relativePath) => {
    const target = resolve(oldDir, relativePath);
    const targetRepoPath = relative(root, target).split(sep).join('/');
    if (targetRepoPath === libRoot || targetRepoPath.startsWith(`${libRoot}/`)) return relativePath;
    if (targetRepoPath.startsWith('..') || !targetExists(target)) return relativePath; // test data, not a path
    let moved = relative(newDir, join(root, movedPath(targetRepoPath)))
      .split(sep)
      .join('/');
    if (!moved.startsWith('.')) moved = `./${moved}`;
    if (relativePath.endsWith('/') && !moved.endsWith('/')) moved += '/';
    if (moved !== relativePath) count += 1;
    return moved;
  };
  let out = text;
  if (repoPath.endsWith('.md')) out = out.replace(RELATIVE_IN_MARKDOWN_LINK, (_w, open, path) => open + fix(path));
  else out = out.replace(RELATIVE_IN_QUOTES, (_w, quote, path) => quote + fix(path) + quote);
  return { text: out, count };
}

// ---------------------------------------------------------------------------------------------- plan
/** The lockfile names no library folder; this script names the old ones on purpose. */
const NEVER_REWRITTEN = ['package-lock.json', 'tools/relayout-libs.mjs', 'tools/relayout-libs.texts.mjs'];
const tracked = git('ls-files', '-z')
  .split('\0')
  .filter(
    (path) => path && !NEVER_REWRITTEN.includes(path) && !path.startsWith('dist/') && existsSync(join(root, path)),
  );
const plan = []; // { from, to, text, changes: [string] }
const editsDone = new Set();
for (const repoPath of tracked) {
  const buffer = readFileSync(join(root, repoPath));
  if (buffer.subarray(0, 8000).includes(0)) continue; // binary
  const original = buffer.toString('utf8');
  let text = original;
  const changes = [];
  for (const edit of firstLayout ? (SPECIFIC_EDITS[repoPath] ?? []) : []) {
    if (!text.includes(edit.from)) continue;
    text = text.replace(edit.from, () => edit.to); // a function: `$'` in the text is no replacement pattern
    editsDone.add(edit);
    changes.push(edit.what);
  }
  const inMovedLib = movedPath(repoPath) !== repoPath;
  if (inMovedLib) {
    const relativeFix = rewriteRelativePaths(repoPath, text);
    text = relativeFix.text;
    if (relativeFix.count) changes.push(`${relativeFix.count} relative path(s) out of the library`);
  }
  const libFix = rewriteLibPaths(text);
  text = libFix.text;
  if (libFix.count) changes.push(`${libFix.count} libs/ path(s)`);
  if (text !== original || inMovedLib) plan.push({ from: repoPath, to: movedPath(repoPath), text, changes });
}
for (const [file, edits] of Object.entries(firstLayout ? SPECIFIC_EDITS : {})) {
  for (const edit of edits) {
    if (!editsDone.has(edit))
      notes.push(`${file}: not edited (${edit.what}); its text changed since the script was written, edit by hand.`);
  }
}
const specPath = 'apps/api/src/lib-layers.spec.ts';
if (existsSync(join(root, specPath))) {
  if (firstLayout) notes.push(`${specPath} exists already; left as it is.`);
} else plan.push({ from: null, to: specPath, text: LIB_LAYERS_SPEC, changes: ['new: folder and layer tag agree'] });

const rewritten = plan.filter((item) => item.changes.length > 0);
if (flat.length === 0 && rewritten.length === 0) {
  console.log('relayout-libs: no file names an old library folder: nothing to do.');
  process.exit(0);
}
console.log(`\nrelayout-libs: ${dryRun ? 'would rewrite' : 'rewriting'} ${rewritten.length} file(s):`);
for (const item of rewritten) {
  const where = item.from && item.from !== item.to ? `${item.to} (was ${item.from})` : item.to;
  console.log(`  ${where}: ${item.changes.join('; ')}`);
}
if (dryRun) {
  for (const note of notes) console.log(`  NOTE ${note}`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------- act
if (flat.length > 0) console.log('\nrelayout-libs: moving');
for (const name of flat) {
  const folder = layerOf.get(name);
  mkdirSync(join(libsDir, folder), { recursive: true });
  git('mv', `libs/${name}`, `libs/${folder}/${name}`);
  console.log(`  git mv libs/${name} libs/${folder}/${name}`);
}
for (const item of rewritten) {
  mkdirSync(dirname(join(root, item.to)), { recursive: true });
  writeFileSync(join(root, item.to), item.text);
}
if (rewritten.length > 0) git('add', '--', ...rewritten.map((item) => item.to));

// Formatting: longer paths can push a line past the print width. Only files `npm run format:check` covers (never
// the README or bench/*.md, whose hand layout prettier would undo).
const prettierBin = join(root, 'node_modules/.bin/prettier');
const toFormat = rewritten
  .map((item) => item.to)
  .filter((path) => /^(apps|libs|test|bench)\//.test(path) && !/^bench\/.*\.md$/.test(path));
if (existsSync(prettierBin) && toFormat.length > 0) {
  execFileSync(prettierBin, ['--write', '--log-level', 'warn', ...toFormat], { cwd: root, stdio: 'inherit' });
  git('add', '--', ...toFormat);
  console.log(`\nrelayout-libs: formatted ${toFormat.length} file(s) with prettier`);
} else if (toFormat.length > 0) {
  notes.push('prettier not installed: run `npx prettier --write apps libs test bench` before committing.');
}

// Build output under the old paths is dead now (the next build writes dist/libs/<layer>/<name>).
for (const name of flat) {
  const stale = join(root, 'dist/libs', name);
  if (isDirectory(stale)) {
    rmSync(stale, { recursive: true, force: true });
    console.log(`relayout-libs: removed stale build output dist/libs/${name}`);
  }
}
const nxBin = join(root, 'node_modules/.bin/nx');
if (flat.length > 0 && existsSync(nxBin)) {
  execFileSync(nxBin, ['reset'], { cwd: root, stdio: 'ignore' });
  console.log('relayout-libs: nx reset (the cached project graph named the old roots)');
}

let leftovers = '';
try {
  const pattern = `(^|[^A-Za-z0-9_.-])libs/(${byLengthDesc.join('|')})($|[^A-Za-z0-9_-])`;
  leftovers = git('grep', '-nE', pattern, '--', '.', ...NEVER_REWRITTEN.map((path) => `:!${path}`)).trim();
} catch {
  // git grep exits 1 when nothing matches: the wanted outcome.
}
if (leftovers) notes.push(`still naming an old path (check by hand):\n${leftovers}`);
console.log(
  '\nrelayout-libs: done; everything is staged. Review with `git status` and `git diff --cached -M`, then commit.',
);
for (const note of notes) console.log(`  NOTE ${note}`);
