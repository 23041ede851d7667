import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Libraries sit in the folder of their layer (README "Architecture"): the folder tells a reader what a library may
 * import, and the `layer:*` tag is what ESLint enforces, so the two must never disagree.
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

  it.each(libraries)(
    'keeps libs/$folder/$name in the folder of its layer tag, under its own name',
    ({ folder, name }) => {
      const project = JSON.parse(readFileSync(join(libsDir, folder, name, 'project.json'), 'utf8'));
      const layerTags = (project.tags as string[]).filter((tag) => tag.startsWith('layer:'));
      expect({ name: project.name, folders: layerTags.map((tag) => FOLDER_OF_TAG[tag]) }).toEqual({
        name,
        folders: [folder],
      });
    },
  );
});
