import { MODULE_METADATA } from '@nestjs/common/constants';
import { DossierController } from './dossier.controller';
import { DossierModule } from './dossier.module';
import { DossierPagesController } from './dossier-pages.controller';
import { DossierVerificationController } from './dossier-verification.controller';
import { RiskRegisterController } from './risk/risk-register.controller';
import { RiskRegisterPagesController } from './risk/risk-register-pages.controller';
import { RiskAppetitePagesController } from './risk/risk-appetite-pages.controller';

describe('DossierModule', () => {
  it('serves public verification before the staff routes, so dossiers/signing-keys is not taken for an id', () => {
    const controllers: unknown[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, DossierModule);
    expect(controllers).toEqual([
      DossierVerificationController,
      DossierController,
      DossierPagesController,
      RiskRegisterController,
      RiskRegisterPagesController,
      RiskAppetitePagesController,
    ]);
  });
});
