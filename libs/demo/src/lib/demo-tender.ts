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
    overrides: { harm_hosting: 'agency', acc_fpr: 0.6, acc_fnr: 3.1 },
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
      acc_fpr: 3.8,
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
      acc_fpr: 8.5,
      harm_hosting: 'outside-eu',
    },
    evidence: [],
  },
];
