import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import { toOcdsReleasePackage } from './ocds-export';
import { createOcdsValidator, OCDS_SCHEMA_FILES, OcdsSchemaMissingError, validatorFor } from './ocds-validator';

/**
 * The official OCDS schemas are not in the repository (see schema/README.md), so nothing here claims
 * the export is valid OCDS. These tests pin what the validator does without them: it refuses to run
 * and says which files are missing; and its machinery (draft-04, $ref by id, merge-patched extensions,
 * error paths) works, checked with small schemas written for the test that imitate nothing official.
 */
describe('OCDS validator', () => {
  const allFiles = [OCDS_SCHEMA_FILES.releasePackage, OCDS_SCHEMA_FILES.release, ...OCDS_SCHEMA_FILES.extensions];
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'probity-ocds-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, json: unknown) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), JSON.stringify(json));
  };

  it('refuses to validate without the official schemas, naming every missing file and where to get them', () => {
    let error: unknown;
    try {
      createOcdsValidator(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OcdsSchemaMissingError);
    expect((error as OcdsSchemaMissingError).missing).toEqual(allFiles);
    expect((error as Error).message).toContain(
      'They are not bundled; see libs/features/dossier/src/ocds/schema/README.md',
    );
  });

  it('refuses on the repository’s schema folder, which does not hold the official files yet (replace with a real validation once it does)', () => {
    const folder = join(__dirname, 'schema');
    expect(() => createOcdsValidator(folder)).toThrow(OcdsSchemaMissingError);
  });

  it('names only the files that are missing', () => {
    write(OCDS_SCHEMA_FILES.releasePackage, {});
    write(OCDS_SCHEMA_FILES.extensions[0], {});
    expect(() => createOcdsValidator(dir)).toThrow(
      expect.objectContaining({ missing: [OCDS_SCHEMA_FILES.release, ...OCDS_SCHEMA_FILES.extensions.slice(1)] }),
    );
  });

  // Test-made schemas (not OCDS): a package whose releases refer to the release schema by its draft-04 id.
  const packageSchema = {
    id: 'urn:test:package',
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['releases'],
    properties: { releases: { type: 'array', items: { $ref: 'urn:test:release' } } },
  };
  const releaseSchema = {
    id: 'urn:test:release',
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['ocid', 'id'],
    properties: { ocid: { type: 'string' }, date: { type: 'string', format: 'date-time' } },
  };

  it('validates through the release schema the package refers to, and reports where errors are', () => {
    const validate = validatorFor(packageSchema, releaseSchema);
    const pkg = toOcdsReleasePackage(sampleDossierInput(), { publishedDate: '2026-12-05T10:00:00Z' });
    expect(validate(pkg)).toEqual({ valid: true, errors: [] });

    const broken = { ...pkg, releases: [{ ...pkg.releases[0], ocid: 7, date: 'yesterday' }] };
    const result = validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/releases/0/ocid', message: 'must be string' },
        { path: '/releases/0/date', message: 'must match format "date-time"' },
      ]),
    );
    expect(validate({})).toEqual({
      valid: false,
      errors: [{ path: '/', message: "must have required property 'releases'" }],
    });
  });

  it('merges the extensions into the release schema as JSON Merge Patches, in the listed order', () => {
    write(OCDS_SCHEMA_FILES.releasePackage, packageSchema);
    write(OCDS_SCHEMA_FILES.release, releaseSchema);
    // The first patch adds a field, the second narrows it, the third removes "date" (null deletes).
    write(OCDS_SCHEMA_FILES.extensions[0], { properties: { lots: { type: 'array' } } });
    write(OCDS_SCHEMA_FILES.extensions[1], { properties: { lots: { maxItems: 1 } } });
    write(OCDS_SCHEMA_FILES.extensions[2], { properties: { date: null } });
    const validate = createOcdsValidator(dir);
    expect(validate({ releases: [{ ocid: 'o', id: 'i', lots: [1], date: 'not a date' }] }).valid).toBe(true);
    expect(validate({ releases: [{ ocid: 'o', id: 'i', lots: [1, 2] }] }).errors).toEqual([
      { path: '/releases/0/lots', message: 'must NOT have more than 1 items' },
    ]);
    expect(validate({ releases: [{ ocid: 'o', id: 'i', lots: 'one' }] }).valid).toBe(false);
  });
});
