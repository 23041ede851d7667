import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditTrail } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { Actor, SYSTEM_ACTOR } from './actor';
import { EvidenceFile } from './case.entities';
import { CasesService, isUuid } from './cases.service';
import { checkEvidenceFile, safeEvidenceFileName } from './evidence-policy';
import { ResponseRepository } from './response.repository';
import { ResponsesService } from './responses.service';

/** Evidence files providers attach to questions: content-type checked on upload, frozen once submitted. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responseRepository: ResponseRepository,
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores an evidence file after checking its content type; 415 for anything not on the allow-list. */
  async addEvidence(
    responseId: string,
    questionName: string,
    fileName: string,
    content: Buffer,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<EvidenceFile> {
    const response = await this.responses.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const found = await this.cases.getCase(response.caseId);
    const question = questionsOf(found.questionnaireDefinition as QuestionnaireDefinition).find(
      (located) => located.question.name === questionName,
    );
    if (!question) throw new UnprocessableEntityException(`The questionnaire has no question "${questionName}".`);
    const check = await checkEvidenceFile(fileName, content);
    if (!check.accepted) throw new UnsupportedMediaTypeException(check.reason);
    const evidence: Partial<EvidenceFile> = {
      id: randomUUID(),
      responseId,
      questionName,
      fileName: safeEvidenceFileName(fileName),
      contentType: check.contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    };
    return this.unitOfWork.run(async () => {
      const added = await this.responseRepository.addEvidence(evidence);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'evidence.added',
        subject: { type: 'response', id: responseId },
        before: null,
        after: {
          evidenceId: evidence.id,
          questionName,
          fileName: evidence.fileName,
          sha256: evidence.sha256,
          sizeBytes: evidence.sizeBytes,
        },
      });
      return added;
    });
  }

  async removeEvidence(responseId: string, evidenceId: string, actor: Actor = SYSTEM_ACTOR): Promise<void> {
    const response = await this.responses.getResponse(responseId);
    if (response.status === 'submitted')
      throw new ConflictException('This response is submitted; its evidence is frozen.');
    const found = await this.cases.getCase(response.caseId);
    const evidence = isUuid(evidenceId) ? await this.responseRepository.findEvidence(responseId, evidenceId) : null;
    if (!evidence) throw new NotFoundException('No such evidence file.');
    await this.unitOfWork.run(async () => {
      await this.responseRepository.removeEvidence(responseId, evidenceId);
      await this.audit.recordChange(actor, {
        agencyId: found.agencyId,
        action: 'evidence.removed',
        subject: { type: 'response', id: responseId },
        before: {
          evidenceId,
          questionName: evidence.questionName,
          fileName: evidence.fileName,
          sha256: evidence.sha256,
        },
        after: null,
      });
    });
  }

  async evidenceContent(responseId: string, evidenceId: string): Promise<EvidenceFile & { content: Buffer }> {
    const found = isUuid(evidenceId) ? await this.responseRepository.evidenceWithContent(responseId, evidenceId) : null;
    if (!found?.content) throw new NotFoundException('No such evidence file.');
    return found as EvidenceFile & { content: Buffer };
  }

  async evidenceOf(responseId: string): Promise<EvidenceFile[]> {
    return this.responseRepository.evidenceOf(responseId);
  }

  /** The evidence of several responses (one query), grouped by response, each in upload order. */
  async evidenceOfResponses(responseIds: string[]): Promise<Map<string, EvidenceFile[]>> {
    const grouped = new Map<string, EvidenceFile[]>(responseIds.map((id) => [id, []]));
    for (const file of await this.responseRepository.evidenceOfResponses(responseIds))
      grouped.get(file.responseId)?.push(file);
    return grouped;
  }
}
