import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { MethodAmendment } from './method-amendment.entity';

/** The `method_amendments` table: published changes of a tender's evaluation method. */
@Injectable()
export class MethodAmendmentRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get amendments() {
    return this.unitOfWork.manager.getRepository(MethodAmendment);
  }

  async insert(amendment: MethodAmendment): Promise<MethodAmendment> {
    return this.amendments.save(this.amendments.create(amendment));
  }

  /** The next number of the case; callers hold the case's row lock, so two officers cannot take the same one. */
  async nextNumber(caseId: string): Promise<number> {
    const highest = await this.amendments.maximum('number', { caseId });
    return (highest ?? 0) + 1;
  }

  ofCase(caseId: string): Promise<MethodAmendment[]> {
    return this.amendments.find({ where: { caseId }, order: { number: 'ASC' } });
  }
}
