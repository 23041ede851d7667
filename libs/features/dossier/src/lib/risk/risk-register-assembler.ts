import { Injectable } from '@nestjs/common';
import type { DossierInput } from '../../model/dossier-input';
import { DEFAULT_RISK_APPETITE, proposeRisks, riskFactsFromDossier } from '../../model/risk-register';
import { DossierRiskRegister, eligibleProviders, mergeRegister, StoredRiskRow } from '../../model/risk-register-view';
import { RiskRegisterRowEntity } from './risk-register.entities';
import { RiskRegisterRepository } from './risk-register.repository';

const stored = (row: RiskRegisterRowEntity): StoredRiskRow => ({
  providerId: row.providerId,
  rowKey: row.rowKey,
  origin: row.origin,
  content: row.content,
  edited: row.edited,
  lastReason: row.lastReason,
  removed: row.removedAt !== null,
});

/**
 * Puts a case's risk register together from the evaluation (the dossier input) and what the officer
 * kept. Reading never writes: the same data always gives the same register, so the dossier's content
 * hash only changes when the evaluation, the officer's rows or the agency's appetite change.
 */
@Injectable()
export class RiskRegisterAssembler {
  constructor(private readonly repository: RiskRegisterRepository) {}

  async appetiteOf(agencyId: string): Promise<number> {
    return (await this.repository.appetiteOf(agencyId)) ?? DEFAULT_RISK_APPETITE;
  }

  async registerFor(caseId: string, agencyId: string, input: DossierInput): Promise<DossierRiskRegister> {
    const rows = (await this.repository.rowsOfCase(caseId)).map(stored);
    return {
      appetite: await this.appetiteOf(agencyId),
      providers: eligibleProviders(input.providers).map((provider) => ({
        providerId: provider.id,
        providerName: provider.name,
        rank: provider.rank,
        rows: mergeRegister(provider.id, proposeRisks(riskFactsFromDossier(input, provider.id)), rows),
      })),
    };
  }

  /** Stores today's proposals (when the officer opens the register); unedited stored ones follow the evaluation. */
  async materialise(caseId: string, input: DossierInput): Promise<void> {
    const existing = await this.repository.rowsOfCase(caseId);
    for (const provider of eligibleProviders(input.providers)) {
      const proposed = proposeRisks(riskFactsFromDossier(input, provider.id));
      await this.repository.insertProposedIfMissing(caseId, provider.id, proposed);
      for (const proposal of proposed) {
        const kept = existing.find((row) => row.providerId === provider.id && row.rowKey === proposal.key);
        if (kept && !kept.edited && JSON.stringify(kept.content) !== JSON.stringify(proposal))
          await this.repository.refreshProposed(kept.id, proposal);
      }
    }
  }
}
