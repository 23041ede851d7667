import type { CreateCaseInput, InviteProviderInput } from '@probity/cases';
import type { Answers, CaseScope } from '@probity/questionnaires';

export interface DemoProvider {
  invite: InviteProviderInput;
  quality: number;
  overrides: Answers;
  evidence: Array<{ questionName: string; fileName: string; content: string }>;
}

/** The scope the officer sets on the demo case: post-remote biometric identification (Annex III 1(a)). */
export const DEMO_CASE_SCOPE: CaseScope = {
  annexIII: ['1a'],
  remoteBiometricIdentification: 'post',
  personalData: true,
};

export const DEMO_AGENCY_NAME = 'Metropolitan Police Service (demo)';

export function demoCase(now: Date): CreateCaseInput {
  return {
    reference: `PROC-${now.getUTCFullYear()}-0142`,
    title: 'Video analytics for post-event investigation of recorded footage',
    description: 'Procurement of a video analytics system to search recorded footage in serious-crime investigations.',
    intendedUse:
      'Post-event search of lawfully obtained recordings by trained analysts, with a case reference for every search.',
    aiActClassification: { ...DEMO_CASE_SCOPE, annexIII: [...DEMO_CASE_SCOPE.annexIII] },
    estimatedValue: 1850000,
    currency: 'EUR',
    questionsDue: new Date(now.getTime() + 14 * 86400000),
    responsesDue: new Date(now.getTime() + 30 * 86400000),
    criteriaWeights: {
      lawfulness: 25,
      'minimization-of-harm': 25,
      'human-autonomy': 20,
      fairness: 20,
      'good-governance': 10,
    },
    questionnaireKey: 'responsible-ai-high-risk',
  };
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  {
    invite: {
      organisationName: 'Northwind Vision Analytics',
      country: 'NL',
      legalIdentifiers: { VAT: 'NL004495445B01', LEI: '724500Y6DUVHQD6OXN55' },
      contactEmails: ['tenders@northwind.example'],
    },
    quality: 0.85,
    overrides: {
      harm_hosting: 'agency',
      // Counts on the agency's shared test set: FPR 0.6 %, FNR 3.1 % (Probity computes the rates)
      acc_threshold: '0.82',
      acc_test_set: 'Metropolitan CCTV evaluation set v2',
      acc_tp: 969,
      acc_fpr: 54,
      acc_tn: 8946,
      acc_fnr: 31,
    },
    evidence: [
      {
        questionName: 'harm_risk_management',
        fileName: 'risk-management-summary.pdf',
        content: 'Northwind risk management summary v3',
      },
      {
        questionName: 'fair_bias_testing',
        fileName: 'independent-bias-audit-2026.pdf',
        content: 'Independent bias audit 2026',
      },
      {
        questionName: 'acc_test_conditions',
        fileName: 'field-trial-report.pdf',
        content: 'Field trial report, 12 weeks',
      },
      // Every claim the method says needs evidence is backed, so the panel can confirm it.
      {
        questionName: 'law_conformity',
        fileName: 'eu-declaration-of-conformity.pdf',
        content: 'EU declaration of conformity',
      },
      {
        questionName: 'harm_security_testing',
        fileName: 'penetration-test-2026.pdf',
        content: 'Northwind pentest 2026',
      },
      { questionName: 'priv_subprocessors', fileName: 'sub-processors.pdf', content: 'Northwind sub-processor list' },
      {
        questionName: 'tx_technical_documentation',
        fileName: 'technical-documentation-annex-iv.pdf',
        content: 'Northwind technical documentation (Annex IV)',
      },
      {
        questionName: 'fair_data_provenance',
        fileName: 'datasheet-for-datasets.pdf',
        content: 'Northwind data provenance',
      },
      { questionName: 'gov_qms', fileName: 'quality-management-certificate.pdf', content: 'Northwind QMS certificate' },
      {
        questionName: 'rbi_benchmark',
        fileName: 'independent-benchmark-report.pdf',
        content: 'Independent benchmark 2026',
      },
    ],
  },
  {
    invite: {
      organisationName: 'Helios Forensic AI',
      country: 'FR',
      legalIdentifiers: { VAT: 'FR40303265045' },
      contactEmails: ['bids@helios.example'],
    },
    quality: 0.6,
    overrides: {
      // FPR 3.8 %, FNR 9 % on the same set and threshold
      acc_threshold: '0.82',
      acc_test_set: 'Metropolitan CCTV evaluation set v2',
      acc_tp: 910,
      acc_fpr: 342,
      acc_tn: 8658,
      acc_fnr: 90,
      fair_bias_testing: 'aggregate-only',
      harm_hosting: 'eu',
    },
    evidence: [
      {
        questionName: 'harm_security_testing',
        fileName: 'pentest-2026.pdf',
        content: 'Penetration test executive summary',
      },
    ],
  },
  {
    invite: {
      organisationName: 'Blackbox Surveillance Ltd',
      country: 'GB',
      legalIdentifiers: { CRN: '09876543' },
      contactEmails: ['sales@blackbox.example'],
    },
    quality: 0.45,
    overrides: {
      fair_scraped_data: false,
      rbi_emotion_categorisation: false,
      aud_independent_audit: 'refuse',
      ho_review_before_action: 'recommended',
      fair_data_provenance: 'refuse',
      // FPR 8.5 % on the provider's own benchmark at another threshold: not comparable with the others
      acc_threshold: '0.6',
      acc_test_set: 'Blackbox internal benchmark 2025',
      acc_tp: 450,
      acc_fpr: 85,
      acc_tn: 915,
      acc_fnr: 50,
      harm_hosting: 'outside-eu',
    },
    evidence: [],
  },
];
