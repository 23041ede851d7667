import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { findInputProblem } from '@probity/web';
import {
  BUILT_IN_QUESTIONNAIRES,
  contentHash,
  ImportProblem,
  importQuestionnaire,
  localised,
  QuestionnaireDefinition,
} from '@probity/questionnaires';
import type { Actor } from './actor';
import { parseQuestionnaireChoice, TEMPLATE_KEY_PATTERN } from './questionnaire-choice';
import { QuestionnaireTemplate } from './questionnaire-template.entity';
import { QuestionnaireTemplateRepository } from './questionnaire-template.repository';

/** JSON text parsed; anything else (an object, or text that is not JSON, for the import to report) as given. */
function parsedJsonOrSource(source: unknown): unknown {
  if (typeof source !== 'string') return source;
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return source;
  }
}

/** The import was refused: every problem the engine found, each with its JSON path, and the warnings beside them. */
export class TemplateImportException extends UnprocessableEntityException {
  constructor(
    readonly problems: ImportProblem[],
    readonly warnings: ImportProblem[] = [],
  ) {
    super({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: problems.map((problem) => `${problem.path}: ${problem.message}`),
      problems,
      warnings: { count: warnings.length, items: warnings },
    });
  }
}

/** The questionnaire a case is raised with: a built-in one or a published agency template version. */
export interface ChosenQuestionnaire {
  key: string;
  version: number;
  title: string;
  definition: QuestionnaireDefinition;
  source: 'built-in' | 'agency';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function summary(template: QuestionnaireTemplate) {
  return { key: template.key, version: template.version, status: template.status, contentHash: template.contentHash };
}

/**
 * An agency's own questionnaires. Importing a key that has a draft replaces the draft; importing a
 * key whose latest version is published starts the next version. Published versions never change.
 */
@Injectable()
export class QuestionnaireTemplates {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly templates: QuestionnaireTemplateRepository,
    private readonly audit: AuditTrail,
  ) {}

  async list(agencyId: string): Promise<QuestionnaireTemplate[]> {
    return this.templates.listOfAgency(agencyId);
  }

  async published(agencyId: string): Promise<QuestionnaireTemplate[]> {
    return this.templates.listOfAgency(agencyId, true);
  }

  async get(agencyId: string, templateId: string): Promise<QuestionnaireTemplate> {
    const found = UUID.test(templateId) ? await this.templates.findOfAgency(agencyId, templateId) : null;
    if (!found) throw new NotFoundException('Your agency has no such questionnaire template.');
    return found;
  }

  /** Checks and stores SurveyJS JSON as the key's draft; refuses with every problem and its path. */
  async importDraft(agencyId: string, key: string, source: unknown, actor: Actor): Promise<QuestionnaireTemplate> {
    const trimmedKey = key.trim();
    if (!TEMPLATE_KEY_PATTERN.test(trimmedKey))
      throw new TemplateImportException([
        {
          path: 'key',
          message: 'use 3 to 100 lower-case letters, digits and hyphens, starting and ending with a letter or digit',
        },
      ]);
    if (BUILT_IN_QUESTIONNAIRES.some((builtIn) => builtIn.key === trimmedKey))
      throw new ConflictException(`"${trimmedKey}" is the key of a built-in questionnaire; choose another key.`);
    if (actor.type !== 'staff' || !actor.id) throw new Error('questionnaire templates are imported by staff');
    const createdBy = actor.id;
    // Text pasted or uploaded is parsed here, after the HTTP-wide input check: the same check runs on
    // the parsed JSON, before the import's recursion and before jsonb, which refuses \u0000.
    const parsed = parsedJsonOrSource(source);
    const unstorable = findInputProblem(parsed, '$');
    if (unstorable) throw new TemplateImportException([{ path: unstorable.field, message: unstorable.message }]);
    const imported = importQuestionnaire(parsed);
    if (!imported.ok) throw new TemplateImportException(imported.errors, imported.warnings);
    const definition = imported.definition;
    const title = (localised(definition.title) || trimmedKey).slice(0, 300);
    return this.unitOfWork.run(async () => {
      const latest = await this.templates.latestLockingKey(agencyId, trimmedKey);
      if (latest?.status === 'draft') {
        const before = summary(latest);
        Object.assign(latest, { title, definition, contentHash: contentHash(definition) });
        return this.saveRecorded(latest, actor, 'draft_replaced', before);
      }
      const created = this.templates.create({
        id: randomUUID(),
        agencyId,
        key: trimmedKey,
        version: (latest?.version ?? 0) + 1,
        title,
        definition,
        contentHash: contentHash(definition),
        status: 'draft',
        createdBy,
        publishedAt: null,
      });
      return this.saveRecorded(created, actor, 'imported', null);
    });
  }

  /** Replaces a draft's definition; a published version is immutable (409): import to start a new version. */
  async updateDraft(
    agencyId: string,
    templateId: string,
    source: unknown,
    actor: Actor,
  ): Promise<QuestionnaireTemplate> {
    const found = await this.get(agencyId, templateId);
    if (found.status === 'published')
      throw new ConflictException(
        `Version ${found.version} of "${found.key}" is published and cannot change; import the questionnaire again to start version ${found.version + 1}.`,
      );
    return this.importDraft(agencyId, found.key, source, actor);
  }

  async publish(agencyId: string, templateId: string, actor: Actor): Promise<QuestionnaireTemplate> {
    return this.unitOfWork.run(async () => {
      const found = UUID.test(templateId) ? await this.templates.lockOfAgency(agencyId, templateId) : null;
      if (!found) throw new NotFoundException('Your agency has no such questionnaire template.');
      if (found.status === 'published')
        throw new ConflictException(`Version ${found.version} of "${found.key}" is already published.`);
      const before = summary(found);
      found.status = 'published';
      found.publishedAt = new Date();
      return this.saveRecorded(found, actor, 'published', before);
    });
  }

  /** Saves a version and records the change on the audit trail, with the version's summary before and after. */
  private async saveRecorded(
    template: QuestionnaireTemplate,
    actor: Actor,
    action: 'draft_replaced' | 'imported' | 'published',
    before: ReturnType<typeof summary> | null,
  ): Promise<QuestionnaireTemplate> {
    const saved = await this.templates.save(template);
    await this.audit.recordChange(actor, {
      agencyId: saved.agencyId,
      action: `questionnaire_template.${action}`,
      subject: { type: 'questionnaire_template', id: saved.id },
      before,
      after: summary(saved),
    });
    return saved;
  }

  /**
   * The questionnaire for a new case: a built-in key, or an agency template's published version
   * (`key@version`, or the latest published one for a bare key). Drafts are never offered.
   */
  async choose(agencyId: string, choice: string): Promise<ChosenQuestionnaire> {
    const builtIn = BUILT_IN_QUESTIONNAIRES.find((candidate) => candidate.key === choice);
    if (builtIn)
      return {
        key: builtIn.key,
        version: builtIn.version,
        title: builtIn.title,
        definition: builtIn.definition,
        source: 'built-in',
      };
    const parsed = parseQuestionnaireChoice(choice);
    const found = parsed ? await this.templates.latestPublished(agencyId, parsed.key, parsed.version) : null;
    if (!found) throw new UnprocessableEntityException(`Unknown questionnaire "${choice}".`);
    return {
      key: found.key,
      version: found.version,
      title: found.title,
      definition: found.definition as QuestionnaireDefinition,
      source: 'agency',
    };
  }
}
