import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@probity/database';
import { newToken, tokenHash } from '@probity/identity';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { InviteLink, ProviderResponse } from './case.entities';

/** The `invite_links` table: only token hashes are stored; the token itself exists only in the e-mail. */
@Injectable()
export class InviteLinkRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get links() {
    return this.unitOfWork.manager.getRepository(InviteLink);
  }

  /** A new link for the response; returns its token. */
  async issue(responseId: string): Promise<string> {
    const token = newToken();
    await this.links.insert({ id: randomUUID(), responseId, tokenHash: tokenHash(token), revokedAt: null });
    return token;
  }

  async revokeAll(responseId: string): Promise<void> {
    await this.links.update({ responseId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  findByToken(token: string): Promise<InviteLink | null> {
    return this.links.findOneBy({ tokenHash: tokenHash(token) });
  }

  activeOf(responseId: string): Promise<InviteLink | null> {
    return this.links.findOne({ where: { responseId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** When each of the case's responses lost its last working link, for those with none left. */
  async withdrawnOf(caseId: string): Promise<Map<string, Date>> {
    const rows: Array<{ responseId: string; withdrawnAt: Date | string }> = await this.links
      .createQueryBuilder('link')
      .innerJoin(ProviderResponse, 'response', 'response.id = link.response_id')
      .where('response.case_id = :caseId', { caseId })
      .select('link.response_id', 'responseId')
      .addSelect('MAX(link.revoked_at)', 'withdrawnAt')
      .groupBy('link.response_id')
      .having('bool_and(link.revoked_at IS NOT NULL)')
      .getRawMany();
    return new Map(rows.map((row) => [row.responseId, new Date(row.withdrawnAt)]));
  }
}
