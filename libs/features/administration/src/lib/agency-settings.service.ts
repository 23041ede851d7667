import { Injectable } from '@nestjs/common';
import { AuditTrail, staffAuditActor } from '@probity/audit';
import { UnitOfWork } from '@probity/database';
import { DossierLanguage, isDossierLanguage } from '@probity/dossier';
import { IdentityService, StaffPrincipal } from '@probity/identity';

/** The agency's settings as its administrator reads and changes them. */
export interface AgencySettings {
  name: string;
  dossierLanguage: DossierLanguage;
}

/** An agency administrator's settings of their own agency; every change is audited with it. */
@Injectable()
export class AgencySettingsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditTrail,
  ) {}

  async settings(admin: StaffPrincipal): Promise<AgencySettings> {
    const agency = await this.identity.getAgency(admin.agencyId);
    // The table's constraint keeps the column to the four languages; English is the fallback for the type.
    return {
      name: agency.name,
      dossierLanguage: isDossierLanguage(agency.dossierLanguage) ? agency.dossierLanguage : 'en',
    };
  }

  /** The language is validated by the route's DTO; dossiers rendered from now on use it. */
  async setDossierLanguage(admin: StaffPrincipal, language: DossierLanguage): Promise<AgencySettings> {
    return this.unitOfWork.run(async () => {
      const before = await this.settings(admin);
      await this.identity.setDossierLanguage(admin.agencyId, language);
      if (before.dossierLanguage !== language)
        await this.audit.recordChange(staffAuditActor(admin), {
          agencyId: admin.agencyId,
          action: 'agency.dossier-language-set',
          subject: { type: 'agency', id: admin.agencyId },
          before: { dossierLanguage: before.dossierLanguage },
          after: { dossierLanguage: language },
        });
      return { ...before, dossierLanguage: language };
    });
  }
}
