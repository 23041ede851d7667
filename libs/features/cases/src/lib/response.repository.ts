import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { In, IsNull } from 'typeorm';
import { EvidenceFile, ProcurementCase, ProviderResponse } from './case.entities';

/** An unsubmitted response of an open case, with the case facts a deadline reminder states. */
export interface ResponseAwaitingSubmission {
  responseId: string;
  organisationName: string;
  contactEmails: unknown;
  agencyId: string;
  caseTitle: string;
  caseReference: string;
  responsesDue: Date;
}

/** The `provider_responses` and `evidence_files` tables: a response and the evidence attached to it. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get responses() {
    return this.unitOfWork.manager.getRepository(ProviderResponse);
  }

  private get evidence() {
    return this.unitOfWork.manager.getRepository(EvidenceFile);
  }

  async insert(response: Partial<ProviderResponse>): Promise<ProviderResponse> {
    await this.responses.save(this.responses.create(response));
    return this.responses.findOneByOrFail({ id: response.id });
  }

  save(response: ProviderResponse): Promise<ProviderResponse> {
    return this.responses.save(response);
  }

  findById(responseId: string): Promise<ProviderResponse | null> {
    return this.responses.findOneBy({ id: responseId });
  }

  /** The responses with these ids that exist, in one query. */
  findByIds(responseIds: string[]): Promise<ProviderResponse[]> {
    return responseIds.length ? this.responses.findBy({ id: In(responseIds) }) : Promise.resolve([]);
  }

  findOfAgency(agencyId: string, responseId: string): Promise<ProviderResponse | null> {
    return this.responses.findOne({ where: { id: responseId, procurementCase: { agencyId } } });
  }

  /** The response locked for update until the open transaction ends, so concurrent saves and submits serialise. */
  lockForUpdate(responseId: string): Promise<ProviderResponse | null> {
    return this.unitOfWork.transaction
      .getRepository(ProviderResponse)
      .findOne({ where: { id: responseId }, lock: { mode: 'pessimistic_write' } });
  }

  listOfCase(caseId: string): Promise<ProviderResponse[]> {
    return this.responses.find({ where: { caseId }, order: { organisationName: 'ASC' } });
  }

  /** Sets the first-opened time once; a concurrent first open keeps the earlier time. */
  async markFirstOpened(responseId: string, at: Date): Promise<void> {
    await this.responses.update({ id: responseId, firstOpenedAt: IsNull() }, { firstOpenedAt: at });
  }

  async addEvidence(file: Partial<EvidenceFile>): Promise<EvidenceFile> {
    await this.evidence.save(this.evidence.create(file));
    return this.evidence.findOneByOrFail({ id: file.id });
  }

  findEvidence(responseId: string, evidenceId: string): Promise<EvidenceFile | null> {
    return this.evidence.findOneBy({ id: evidenceId, responseId });
  }

  async removeEvidence(responseId: string, evidenceId: string): Promise<void> {
    await this.evidence.delete({ id: evidenceId, responseId });
  }

  /** The file with its bytes, which every other read leaves out. */
  evidenceWithContent(responseId: string, evidenceId: string): Promise<EvidenceFile | null> {
    return this.evidence
      .createQueryBuilder('file')
      .addSelect('file.content')
      .where('file.id = :evidenceId AND file.response_id = :responseId', { evidenceId, responseId })
      .getOne();
  }

  /** In upload order, as the provider and the panel see them. */
  evidenceOf(responseId: string): Promise<EvidenceFile[]> {
    return this.evidence.find({ where: { responseId }, order: { uploadedAt: 'ASC' } });
  }

  /** The evidence of several responses in one query, each response's files in upload order. */
  evidenceOfResponses(responseIds: string[]): Promise<EvidenceFile[]> {
    if (!responseIds.length) return Promise.resolve([]);
    return this.evidence.find({ where: { responseId: In(responseIds) }, order: { uploadedAt: 'ASC' } });
  }

  /** In id order, the stable order a submission's hash is computed over. */
  evidenceForSubmission(responseId: string): Promise<EvidenceFile[]> {
    return this.evidence.find({ where: { responseId }, order: { id: 'ASC' } });
  }

  /** Unsubmitted responses of open cases whose deadline falls in (after, dueBy], earliest deadline first. */
  awaitingSubmission(after: Date, dueBy: Date): Promise<ResponseAwaitingSubmission[]> {
    return this.responses
      .createQueryBuilder('response')
      .innerJoin(ProcurementCase, 'pcase', 'pcase.id = response.caseId')
      .select('response.id', 'responseId')
      .addSelect('response.organisationName', 'organisationName')
      .addSelect('response.contactEmails', 'contactEmails')
      .addSelect('pcase.agencyId', 'agencyId')
      .addSelect('pcase.title', 'caseTitle')
      .addSelect('pcase.reference', 'caseReference')
      .addSelect('pcase.responsesDue', 'responsesDue')
      .where('pcase.status = :open', { open: 'open' })
      .andWhere('response.status <> :submitted', { submitted: 'submitted' })
      .andWhere('pcase.responsesDue > :after AND pcase.responsesDue <= :dueBy', { after, dueBy })
      .orderBy('pcase.responsesDue', 'ASC')
      .addOrderBy('response.id', 'ASC')
      .getRawMany<ResponseAwaitingSubmission>();
  }
}
