import { MODULE_METADATA } from '@nestjs/common/constants';
import { DossierController } from './dossier.controller';
import { DossierModule } from './dossier.module';
import { DossierVerificationController } from './dossier-verification.controller';

describe('DossierModule', () => {
  it('serves only the public verification route: the staff routes wait for staff authentication', () => {
    const controllers: unknown[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, DossierModule);
    expect(controllers).toEqual([DossierVerificationController]);
    expect(controllers).not.toContain(DossierController);
  });
});
