import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditTrail, caseChange, staffAuditActor } from '@probity/audit';
import type { ProcurementCase } from '@probity/cases';
import { UnitOfWork } from '@probity/database';
import { CONSULTED_GROUP_LABELS, ConsultedGroup, isFriaHeadingKey } from '../model/fria-headings';
import { cleanConsultation, ConsultationInput, consultationProblems, friaTextProblems } from '../model/fria-input';
import { FriaHeadingText, StakeholderConsultation } from './fria.entities';
import { FriaRepository } from './fria.repository';

/** Who writes: the signed-in staff member as the FRIA and the audit trail name them. */
export interface FriaAuthor {
  userId: string;
  name: string;
  role: string;
}

/** The case's FRIA as the agency wrote it so far. */
export interface CaseFria {
  headings: FriaHeadingText[];
  consultations: StakeholderConsultation[];
}

/** The agency's fundamental rights impact assessment of a case (AI Act Art. 27): its text and consultations. */
@Injectable()
export class FriaService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly fria: FriaRepository,
    private readonly audit: AuditTrail,
  ) {}

  async friaOf(caseId: string): Promise<CaseFria> {
    return { headings: await this.fria.headingsOf(caseId), consultations: await this.fria.consultationsOf(caseId) };
  }

  /**
   * Writes (or, with empty text, clears) the agency's text under several headings at once, each audited
   * with its text before and after. Headings whose text is unchanged are left as they were.
   */
  async writeHeadings(
    procurementCase: ProcurementCase,
    texts: Record<string, unknown>,
    author: FriaAuthor,
    now = new Date(),
  ): Promise<void> {
    this.refuseWhenCancelled(procurementCase);
    const unknown = Object.keys(texts).filter((key) => !isFriaHeadingKey(key));
    if (unknown.length) throw new NotFoundException(`No such FRIA heading: ${unknown.join(', ')}.`);
    // Each problem names its heading, so the page can show it beside that heading's text.
    const problems = Object.entries(texts).flatMap(([key, text]) => friaTextProblems(text).map((p) => `(${key}) ${p}`));
    if (problems.length) throw new UnprocessableEntityException(problems);
    await this.unitOfWork.run(async () => {
      for (const [key, value] of Object.entries(texts)) {
        const text = (value as string).trim();
        const before = await this.fria.heading(procurementCase.id, key);
        if ((before?.text ?? '') === text) continue;
        if (text === '') await this.fria.removeHeading(procurementCase.id, key);
        else
          await this.fria.saveHeading({
            caseId: procurementCase.id,
            headingKey: key,
            text,
            writtenBy: author.userId,
            writtenByName: author.name,
            writtenAt: now,
          });
        await this.audit.recordChange(
          staffAuditActor(author),
          caseChange(procurementCase, 'fria.heading-written', {
            before: { heading: key, text: before?.text ?? null },
            after: { heading: key, text: text || null },
          }),
        );
      }
    });
  }

  /** Records one consultation of stakeholders; `today` bounds its date (no consultation in the future). */
  async recordConsultation(
    procurementCase: ProcurementCase,
    input: Partial<ConsultationInput>,
    author: FriaAuthor,
    now = new Date(),
  ): Promise<StakeholderConsultation> {
    this.refuseWhenCancelled(procurementCase);
    const problems = consultationProblems(input, now.toISOString().slice(0, 10));
    if (problems.length) throw new UnprocessableEntityException(problems);
    const clean = cleanConsultation(input as ConsultationInput);
    return this.unitOfWork.run(async () => {
      const row = await this.fria.insertConsultation({
        id: randomUUID(),
        caseId: procurementCase.id,
        consultedGroup: clean.group,
        stakeholder: clean.stakeholder,
        heldOn: clean.heldOn,
        said: clean.said,
        changed: clean.changed,
        recordedBy: author.userId,
        recordedByName: author.name,
        recordedAt: now,
      });
      await this.audit.recordChange(
        staffAuditActor(author),
        caseChange(procurementCase, 'fria.consultation-recorded', {
          after: { consultation: row.id, ...clean },
        }),
      );
      return row;
    });
  }

  /** The FRIA as the dossier prints it: written headings and consultations with readable group names. */
  async dossierPart(caseId: string) {
    const { headings, consultations } = await this.friaOf(caseId);
    return {
      fria: headings.map((h) => ({
        key: h.headingKey,
        text: h.text,
        writtenBy: h.writtenByName,
        writtenAt: h.writtenAt.toISOString(),
      })),
      consultations: consultations.map((c) => ({
        group: CONSULTED_GROUP_LABELS[c.consultedGroup as ConsultedGroup] ?? c.consultedGroup,
        stakeholder: c.stakeholder,
        heldOn: c.heldOn,
        said: c.said,
        changed: c.changed,
      })),
    };
  }

  private refuseWhenCancelled(procurementCase: ProcurementCase) {
    if (procurementCase.status === 'cancelled')
      throw new ConflictException('This case is cancelled: its FRIA can no longer change.');
  }
}
