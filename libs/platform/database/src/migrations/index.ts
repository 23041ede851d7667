import { Heartbeats1763800000000 } from './1763800000000-heartbeats';
import { JobOutbox1763800000001 } from './1763800000001-job-outbox';
import { Evaluation1763800000002 } from './1763800000002-evaluation';
import { Cases1763800000003 } from './1763800000003-cases';
import { Dossiers1763800000004 } from './1763800000004-dossiers';
import { DossierReview1764000000000 } from './1764000000000-dossier-review';
import { Audit1764200000000 } from './1764200000000-audit';
import { AgenciesStaffInvites1764300000000 } from './1764300000000-agencies-staff-invites';
import { Notifications1764100000000 } from './1764100000000-notifications';
import { WeightsLock1764400000000 } from './1764400000000-weights-lock';
import { QuestionnaireTemplates1764700000000 } from './1764700000000-questionnaire-templates';
import { ResponsesClosedAt1764800000000 } from './1764800000000-responses-closed-at';
import { SignInBackOff1764900000000 } from './1764900000000-sign-in-back-off';
import { MethodAmendments1796303805761 } from './1796303805761-method-amendments';
import { EvidenceConfirmations1796303921413 } from './1796303921413-evidence-confirmations';
import { CaseScope1796304653693 } from './1796304653693-case-scope';
import { AuditPendingChain1796322143403 } from './1796322143403-audit-pending-chain';
import { Fria1796322268841 } from './1796322268841-fria';
import { ReadinessItems1796322923021 } from './1796322923021-readiness-items';
import { Monitoring1796324133956 } from './1796324133956-monitoring';
import { RiskRegister1796322287223 } from './1796322287223-risk-register';
import { AgencyDossierLanguage1796415859288 } from './1796415859288-agency-dossier-language';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  Heartbeats1763800000000,
  JobOutbox1763800000001,
  Evaluation1763800000002,
  Cases1763800000003,
  Dossiers1763800000004,
  DossierReview1764000000000,
  Notifications1764100000000,
  Audit1764200000000,
  AgenciesStaffInvites1764300000000,
  WeightsLock1764400000000,
  QuestionnaireTemplates1764700000000,
  ResponsesClosedAt1764800000000,
  SignInBackOff1764900000000,
  MethodAmendments1796303805761,
  EvidenceConfirmations1796303921413,
  CaseScope1796304653693,
  AuditPendingChain1796322143403,
  Fria1796322268841,
  ReadinessItems1796322923021,
  Monitoring1796324133956,
  RiskRegister1796322287223,
  AgencyDossierLanguage1796415859288,
];
