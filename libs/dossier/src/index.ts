export { aiActCoverage, articlesCited, OBLIGATIONS, ObligationStatus } from './lib/ai-act-view';
export { assembleSnapshot, SnapshotInput, SnapshotProviderInput } from './lib/assemble-snapshot';
export { createDossierTemplate, DossierRenderer, RenderedDossier, withMetadata } from './lib/dossier-renderer';
export { DossierSnapshot } from './lib/dossier-snapshot';
export { DossierMeta, dossierView, DossierView } from './lib/dossier-view';
export { sampleSnapshot } from './fixtures/sample-snapshot';
export { DossierModule } from './lib/dossier.module';
export { DossierService, DossierVerification, RenderDossierJob } from './lib/dossier.service';
export { DossierStatus, DossierVersion } from './lib/dossier-version.entity';
