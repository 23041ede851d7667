import type { ElementDefinition, PageDefinition, RuleDefinition } from '../lib/definition';
import { FULLY_PARTLY_NO, single, yesNo } from './builders';

/**
 * Legality gates and the questions the AI Act review found missing (issue 15). Gates carry no
 * weight: a prohibited practice is not a quality point to trade against others, it excludes.
 */
const gate = { weight: 0 } as const;

export const PROHIBITED_PRACTICES: PageDefinition = {
  name: 'prohibited-practices',
  title: 'Prohibited AI practices (AI Act Art. 5)',
  description:
    'Every provider answers this declaration. These answers are not scored: a prohibited practice excludes the offer.',
  elements: [
    yesNo(
      'art5_declaration',
      'legitimacy',
      'Do you declare that the system, as offered and as it can be configured, performs none of the practices prohibited by Art. 5(1) of the AI Act, and that you will tell the agency at once if a change would bring it within Art. 5?',
      'The questions below ask about the practices most relevant to law enforcement; this declaration covers all of them.',
      { ...gate, aiAct: 'Art. 5(1)' },
    ),
    yesNo(
      'art5_social_scoring',
      'legitimacy',
      'Does the system evaluate or classify people over time on their social behaviour or personal characteristics, giving a score that leads to detrimental treatment in unrelated contexts or out of proportion to that behaviour?',
      'Social scoring is a prohibited practice.',
      { ...gate, scoreTrue: 0, scoreFalse: 100, aiAct: 'Art. 5(1)(c)' },
    ),
    yesNo(
      'rp_profiling_only',
      'legitimacy',
      'Does the system predict that a person will offend based only on profiling or personality traits?',
      'Such predictions are prohibited unless they support a human assessment based on objective, verifiable facts linked to criminal activity.',
      { ...gate, scoreTrue: 0, scoreFalse: 100, aiAct: 'Art. 5(1)(d)' },
    ),
    yesNo(
      'fair_scraped_data',
      'legitimacy',
      'Does the system create or expand a facial recognition database through untargeted scraping of facial images from the internet or CCTV footage, or rely on a database built that way?',
      'Only this practice is prohibited; other training data is asked about under data provenance.',
      { ...gate, scoreTrue: 0, scoreFalse: 100, aiAct: 'Art. 5(1)(e)' },
    ),
    yesNo(
      'rbi_sensitive_categorisation',
      'legitimacy',
      'Does the system categorise individual people on their biometric data to deduce or infer their race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation?',
      'Prohibited. Not covered: labelling or filtering lawfully acquired biometric datasets, such as images, including categorising biometric data in law enforcement.',
      { ...gate, scoreTrue: 0, scoreFalse: 100, aiAct: 'Art. 5(1)(g)' },
    ),
    yesNo(
      'rbi_emotion_categorisation',
      'legitimacy',
      'Does the product include emotion recognition, or categorise people by sensitive or protected attributes inferred from biometric data?',
      'In law enforcement these are high-risk uses (Annex III 1(b), 1(c), 6(b)), not prohibited ones: Art. 5(1)(f) prohibits emotion recognition only in workplaces and education. The agency’s policy on them is published as a knock-out labelled “agency policy”.',
      { ...gate, scoreTrue: 0, scoreFalse: 100, aiAct: 'Annex III 1(b), 1(c), 6(b); Art. 5(1)(f)' },
    ),
  ],
};

/** Questions added to the principle pages, keyed by page name. */
export const ADDED_QUESTIONS: Record<string, ElementDefinition[]> = {
  harm: [
    single(
      'eff_benefit_cost',
      'efficiency',
      'What benefit has the system delivered for its whole-life cost in deployments comparable to the agency’s?',
      'For example investigator hours saved per case or cases resolved, set against licences, hardware, energy and the staff time needed to operate and oversee it.',
      [
        ['measured-independent', 'Measured, and confirmed by a customer or an independent evaluation', 100],
        ['measured-own', 'Measured by us in comparable deployments', 60],
        ['claimed', 'Estimated, not measured', 20],
        ['none', 'We cannot state the benefit', 0],
      ],
      { aiAct: 'Art. 13(3)(e)', nist: 'MAP 3' },
    ),
  ],
  autonomy: [
    single(
      'tx_ai_interaction_disclosure',
      'transparency-explainability',
      'If the system talks to people or generates images, audio, video or text, does it tell people they are dealing with an AI system and mark generated content as artificially generated in a form software can detect?',
      'Transparency obligations for certain AI systems; systems authorised by law to detect, prevent, investigate or prosecute crime are exempt from some of them, with safeguards.',
      [
        ['no-such-function', 'The system neither interacts with people nor generates content', 100],
        ['disclosed', 'Yes, disclosed and marked', 100],
        ['partly', 'Partly', 50],
        ['no', 'No', 0],
      ],
      { aiAct: 'Art. 50' },
    ),
  ],
  fairness: [
    single(
      'fair_special_category_bias',
      'non-discrimination',
      'If you processed special categories of personal data (such as ethnic origin or health) to detect and correct bias, which safeguards applied?',
      'Only where strictly necessary and other data would not do; pseudonymised, access-controlled, not passed on, deleted once the bias is corrected, with the reasons recorded.',
      [
        ['not-processed', 'We did not process special categories of personal data', 100],
        ['all-safeguards', 'Yes, with all of these safeguards, documented', 100],
        ['some-safeguards', 'With some of these safeguards', 40],
        ['no-safeguards', 'Without these safeguards', 0],
      ],
      { aiAct: 'Art. 10(5)' },
    ),
    single(
      'vul_other_groups',
      'vulnerable-groups',
      'Have you assessed how the system performs for, and affects, vulnerable people other than children?',
      'For example people with disabilities or mental-health conditions, older people, people who do not speak the language, victims of crime, migrants and people without a home.',
      FULLY_PARTLY_NO('Yes, tested with results per group', 'Considered, not tested', 'No'),
      { aiAct: 'Art. 9(9)' },
    ),
  ],
  governance: [
    single(
      'gov_gpai_upstream',
      'accountability',
      'Does the system build on a general-purpose AI model from another provider, and do you hold that provider’s documentation and a written agreement on the information you need?',
      'Name the model and its provider. General-purpose model providers must give downstream providers the information they need to meet their obligations.',
      [
        ['none', 'No general-purpose model is used', 100],
        ['documented', 'Yes, with the model provider’s documentation and a written agreement', 100],
        ['documentation-only', 'Yes, with documentation but no written agreement', 50],
        ['undocumented', 'Yes, without either', 0],
      ],
      { aiAct: 'Art. 25(4); Art. 53(1)(b)' },
    ),
  ],
};

export const ADDED_KNOCKOUTS: RuleDefinition[] = [
  {
    id: 'ko-no-art5-declaration',
    severity: 'critical',
    basis: 'law',
    title: 'No declaration that the system performs no prohibited practice',
    explanation: 'The agency may not buy a system that performs a practice prohibited by Art. 5 of the AI Act.',
    expression: '{art5_declaration} = false',
    aiAct: 'Art. 5(1)',
  },
  {
    id: 'ko-social-scoring',
    severity: 'critical',
    basis: 'law',
    title: 'Social scoring',
    explanation:
      'Scoring people on their social behaviour or personal characteristics, to their detriment, is prohibited.',
    expression: '{art5_social_scoring} = true',
    aiAct: 'Art. 5(1)(c)',
  },
  {
    id: 'ko-sensitive-categorisation',
    severity: 'critical',
    basis: 'law',
    title: 'Biometric categorisation by race, opinions, beliefs or sexual orientation',
    explanation:
      'Categorising individual people on their biometric data to infer these traits is prohibited; labelling or filtering lawfully acquired biometric datasets is not.',
    expression: '{rbi_sensitive_categorisation} = true',
    aiAct: 'Art. 5(1)(g)',
  },
  {
    id: 'ko-trains-on-agency-data',
    severity: 'critical',
    basis: 'law',
    title: 'Trains on agency data by default',
    explanation:
      'Law-enforcement data would be reused for the provider’s own models without the agency’s approval, outside the purpose it was collected for.',
    expression: "{priv_training_on_agency_data} = 'yes-default'",
    mcc: 'Rights to use data sets',
  },
  {
    id: 'ko-no-stop',
    severity: 'critical',
    basis: 'law',
    title: 'The system cannot be stopped',
    explanation:
      'Human oversight requires that a person can interrupt the system and bring it to a halt in a safe state.',
    expression: '{ho_stop} = false',
    aiAct: 'Art. 14(4)(e)',
  },
];

export const ADDED_RED_FLAGS: RuleDefinition[] = [
  {
    id: 'rf-unregistered-high-risk',
    severity: 'high',
    basis: 'law',
    title: 'Condition before use: registration in the EU database',
    explanation:
      'A public authority may not use a high-risk system that is not registered in the EU database. Registration becomes a condition the contract sets before first use.',
    expression: '{law_eu_database} = false and {case_high_risk} = true',
    aiAct: 'Art. 49; Art. 26(8)',
  },
  {
    id: 'rf-gpai-undocumented',
    severity: 'medium',
    basis: 'law',
    title: 'Upstream general-purpose model without documentation',
    explanation: 'The provider cannot show what the model it builds on does, was trained on or fails at.',
    expression: "{gov_gpai_upstream} = 'undocumented'",
    aiAct: 'Art. 25(4); Art. 53(1)(b)',
  },
];

/** A page with the questions added to it. */
export function withAdditions(page: PageDefinition): PageDefinition {
  const added = ADDED_QUESTIONS[page.name] ?? [];
  return added.length ? { ...page, elements: [...page.elements, ...added] } : page;
}
