import Ajv, { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { apply as applyMergePatch } from 'json-merge-patch';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files a schema folder must hold (see schema/README.md for where they come from). */
export const OCDS_SCHEMA_FILES = {
  releasePackage: 'release-package-schema.json',
  release: 'release-schema.json',
  /** Each extension's release-schema.json, applied in this order (lots before the breakdown that needs it). */
  extensions: [
    'extensions/lots/release-schema.json',
    'extensions/bids/release-schema.json',
    'extensions/awardCriteriaBreakdown/release-schema.json',
  ],
} as const;

export class OcdsSchemaMissingError extends Error {
  constructor(
    readonly missing: string[],
    directory: string,
  ) {
    super(
      `OCDS schema files missing in ${directory}: ${missing.join(', ')}. They are not bundled; see libs/features/dossier/src/ocds/schema/README.md.`,
    );
    this.name = 'OcdsSchemaMissingError';
  }
}

export interface OcdsValidation {
  valid: boolean;
  errors: Array<{ path: string; message: string }>;
}

/**
 * Validates release packages against the OCDS core release schema with the extensions merged in the
 * way OCDS tooling does it: each extension's release-schema.json is a JSON Merge Patch (RFC 7396) of
 * the core release schema. JSON Schema draft-04, hence Ajv's draft-04 build.
 */
export function createOcdsValidator(directory: string): (releasePackage: unknown) => OcdsValidation {
  const files = [OCDS_SCHEMA_FILES.releasePackage, OCDS_SCHEMA_FILES.release, ...OCDS_SCHEMA_FILES.extensions];
  const missing = files.filter((file) => !existsSync(join(directory, file)));
  if (missing.length) throw new OcdsSchemaMissingError(missing, directory);
  const read = (file: string) => JSON.parse(readFileSync(join(directory, file), 'utf8')) as Record<string, unknown>;
  const packageSchema = read(OCDS_SCHEMA_FILES.releasePackage);
  const releaseSchema = OCDS_SCHEMA_FILES.extensions.reduce(
    (schema, file) => applyMergePatch(schema, read(file)) as Record<string, unknown>,
    read(OCDS_SCHEMA_FILES.release),
  );
  return validatorFor(packageSchema, releaseSchema);
}

/** The same validator from schemas already in memory (the package schema refers to the release schema by id). */
export function validatorFor(
  packageSchema: Record<string, unknown>,
  releaseSchema: Record<string, unknown>,
): (releasePackage: unknown) => OcdsValidation {
  // OCDS schemas carry their own keywords (codelist, openCodelist, deprecated, wholeListMerge…).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(releaseSchema);
  const validate: ValidateFunction = ajv.compile(packageSchema);
  return (releasePackage) => {
    const valid = validate(releasePackage) as boolean;
    return {
      valid,
      errors: (validate.errors ?? []).map((error: ErrorObject) => ({
        path: error.instancePath || '/',
        message: error.message ?? error.keyword,
      })),
    };
  };
}
