import { isReservedName } from '../lib/case-scope';
import type { PageDefinition, QuestionnaireDefinition, RuleDefinition } from '../lib/definition';
import {
  dateQuestion,
  evidence,
  FULLY_PARTLY_NO,
  longText,
  matrix,
  multiple,
  numberQuestion,
  single,
  yesNo,
} from './builders';
import { confusionMatrixQuestions } from './confusion-matrix-questions';
import { ADDED_KNOCKOUTS, ADDED_RED_FLAGS, PROHIBITED_PRACTICES, withAdditions } from './ai-act-additions';
import { withBankTranslations } from './translations';

/**
 * Which sections apply is decided by the case scope the officer sets (see case-scope.ts), never by a
 * provider's answer: these expressions read only the reserved `case_` variables.
 */
export const HIGH_RISK = '{case_high_risk} = true';
/** Remote biometric identification: Annex III 1(a). */
export const REMOTE_BIOMETRIC = "{case_annex_iii} contains '1a'";
/** Risk assessment of persons: Annex III 6(a) victims, 6(d) offending, 6(e) profiling. */
export const RISK_OF_PERSONS = "{case_annex_iii} anyof ['6a', '6d', '6e']";
export const PERSONAL_DATA = '{case_personal_data} = true';
/** Art. 6(3), last subparagraph: an Annex III system that profiles people is always high-risk. */
export const NO_PROFILING = "{case_annex_iii} notcontains '6e'";
/** Art. 26(10) governs post-remote biometric identification only; elsewhere the anchor is the LED. */
const POST_RBI_ONLY = 'Art. 26(10) (post-remote biometric identification only)';
const LED_AUTOMATED_DECISIONS = 'Directive (EU) 2016/680 Art. 11';

const lawfulness: PageDefinition = {
  name: 'lawfulness',
  title: 'Lawfulness: legitimacy, necessity and proportionality',
  elements: [
    single(
      'law_prohibited_uses',
      'legitimacy',
      'Do your instructions for use state the uses the system must not be put to?',
      'For example uses outside the intended purpose, populations it was not tested on, or decisions it must not make alone.',
      FULLY_PARTLY_NO('Yes, listed with reasons', 'Some limits are mentioned', 'No'),
      { aiAct: 'Art. 13(3)(b); Art. 5', mcc: 'Technical documentation and instructions for use' },
    ),
    longText(
      'law_misuse',
      'legitimacy',
      'Which misuse of the system can you reasonably foresee, and how does the product prevent it?',
      'Think of function creep, use on unlawfully obtained footage, or searches without a case reference.',
      { aiAct: 'Art. 9(2)(b)', mcc: 'Risk management system' },
    ),
    single(
      'law_ai_act_role',
      'legitimacy',
      'How have you classified the system under the EU AI Act?',
      'Tell us your conclusion and whether it is documented. The Art. 6(3) exception is not offered when the agency’s scope includes profiling: a system that profiles people is always high-risk.',
      [
        ['high-risk', 'High-risk (Annex III), and we follow the high-risk requirements', 100],
        ['derogation', 'Not high-risk under the Art. 6(3) exception, with a documented assessment', 50, NO_PROFILING],
        ['not-assessed', 'We have not assessed it', 0],
      ],
      { aiAct: 'Art. 6; Art. 6(3); Art. 43', mcc: 'Conformity assessment' },
    ),
    single(
      'law_conformity',
      'legitimacy',
      'Where is the conformity assessment of the system?',
      'High-risk systems need a completed conformity assessment and an EU declaration of conformity before use.',
      [
        ['completed', 'Completed, EU declaration of conformity issued', 100],
        ['in-progress', 'In progress, with a planned completion date', 50],
        ['not-started', 'Not started', 0],
      ],
      { visibleIf: HIGH_RISK, evidence: true, aiAct: 'Art. 43; Art. 47', mcc: 'Conformity assessment' },
    ),
    dateQuestion(
      'law_conformity_date',
      'legitimacy',
      'When will the conformity assessment be complete?',
      'The date you commit to in the contract.',
      { visibleIf: "{law_conformity} = 'in-progress'", aiAct: 'Art. 43', weight: 0 },
    ),
    yesNo(
      'law_eu_database',
      'legitimacy',
      'Is the system registered in the EU database for high-risk AI systems?',
      'For law-enforcement uses the registration sits in the secure non-public section. The agency may not use an unregistered high-risk system, so without registration the contract makes it a condition before use.',
      { visibleIf: HIGH_RISK, aiAct: 'Art. 49; Art. 49(4); Art. 26(8); Art. 71' },
    ),
    single(
      'law_function_switches',
      'necessity',
      'Can the agency switch off functions and data categories it does not need?',
      'Data minimisation by configuration, for example disabling face search while keeping object detection.',
      FULLY_PARTLY_NO('Yes, each function and data category separately', 'Some functions can be switched off', 'No'),
    ),
    multiple(
      'law_proportionality_controls',
      'proportionality',
      'Which safeguards can the agency configure to keep each use proportionate?',
      'Tick every control the product enforces, not only documents.',
      [
        ['case-reference', 'Each use must cite a case or authorisation reference', 30],
        ['time-limits', 'Time limits on searches and retention of results', 25],
        ['scope-limits', 'Limits on the area, cameras or data sources searched', 20],
        ['watchlist-limits', 'Limits on who may be added to watch lists or reference sets', 25],
        ['none', 'None of these', 0],
      ],
      { aiAct: POST_RBI_ONLY, otherLaw: LED_AUTOMATED_DECISIONS },
    ),
  ],
};

const harm: PageDefinition = {
  name: 'harm',
  title: 'Minimization of harm: well-being, robustness and safety, accuracy, efficiency',
  elements: [
    single(
      'harm_risk_management',
      'robustness-safety',
      'Do you run a documented risk-management process over the whole life of the system?',
      'Identify risks to health, safety and fundamental rights, decide measures, and test them against thresholds set in advance.',
      FULLY_PARTLY_NO('Yes, documented and repeated at each release', 'Partly, or only before first release', 'No'),
      { evidence: true, aiAct: 'Art. 9', mcc: 'Risk management system', nist: 'MANAGE 1', iso42001: 'A.5' },
    ),
    evidence(
      'harm_risk_register',
      'robustness-safety',
      'Upload your risk register or risk-management summary for this system',
      'A summary is enough if the full register is confidential; say so in the file.',
      {
        required: false,
        aiAct: 'Art. 9',
        mcc: 'Risk management system',
      },
    ),
    single(
      'harm_security_testing',
      'robustness-safety',
      'When was the system last penetration-tested, and by whom?',
      'Testing of the deployed product, including its interfaces and hosting.',
      [
        ['independent-12m', 'Independent test in the last 12 months, report available', 100],
        ['internal', 'Internal testing only', 50],
        ['none', 'No penetration test', 0],
      ],
      { evidence: true, aiAct: 'Art. 15(5)', mcc: 'Accuracy, robustness and cybersecurity' },
    ),
    multiple(
      'harm_ai_attacks',
      'robustness-safety',
      'Which AI-specific attacks does the system defend against?',
      'Tick those with tested defences.',
      [
        ['data-poisoning', 'Poisoning of training data', 25],
        ['model-poisoning', 'Tampering with the model', 25],
        ['adversarial-inputs', 'Adversarial inputs (for example patterns that fool detection)', 25],
        ['confidentiality', 'Attacks that extract training data or the model', 25],
        ['none', 'None of these', 0],
      ],
      { aiAct: 'Art. 15(5)', mcc: 'Accuracy, robustness and cybersecurity' },
    ),
    single(
      'harm_fail_safe',
      'robustness-safety',
      'What does the system do when input quality is poor or it is uncertain?',
      'For example blurred video, partial faces, or data unlike its training data.',
      [
        ['abstains', 'It abstains and tells the operator why', 100],
        ['flags', 'It gives an output flagged with low confidence', 60],
        ['always', 'It always gives an output', 0],
      ],
      { aiAct: 'Art. 15(4)' },
    ),
    single(
      'harm_incidents',
      'robustness-safety',
      'How will you report serious incidents and malfunctions to the agency?',
      'A serious incident must reach the market-surveillance authority within 15 days, sooner in grave cases.',
      [
        ['contract-72h', 'To the agency within 72 hours, with a documented procedure', 100],
        ['procedure', 'Documented procedure, no committed time', 50],
        ['none', 'No procedure', 0],
      ],
      { aiAct: 'Art. 73', mcc: 'Corrective actions' },
    ),
    single(
      'acc_metrics_declared',
      'accuracy',
      'Do your instructions for use declare the accuracy metrics and their expected levels?',
      'Metrics such as false-match and false-non-match rates at the default operating threshold.',
      FULLY_PARTLY_NO('Yes, with levels and test conditions', 'Some metrics without levels or conditions', 'No'),
      { aiAct: 'Art. 13(3)(b)(ii); Art. 15(3)', mcc: 'Accuracy, robustness and cybersecurity' },
    ),
    ...confusionMatrixQuestions({
      threshold: 'acc_threshold',
      testSet: 'acc_test_set',
      tp: 'acc_tp',
      fp: 'acc_fpr',
      tn: 'acc_tn',
      fn: 'acc_fnr',
    }),
    single(
      'acc_test_conditions',
      'accuracy',
      'How close to real use were the accuracy tests?',
      'Tests must reflect the geographic, behavioural and functional setting the agency will use the system in.',
      [
        ['independent-field', 'Independent test in operational conditions', 100],
        ['representative-lab', 'Our own test on data representative of the deployment', 60],
        ['vendor-benchmark', 'Public or vendor benchmark only', 20],
        ['none', 'No accuracy testing', 0],
      ],
      { evidence: true, aiAct: 'Art. 9(6)-(8)', mcc: 'Accuracy, robustness and cybersecurity' },
    ),
    evidence(
      'acc_test_report',
      'accuracy',
      'Upload the accuracy evaluation report',
      'Including the test protocol and a description of the test set.',
      {
        required: false,
        aiAct: 'Art. 15',
      },
    ),
    single(
      'acc_drift',
      'accuracy',
      'Does the system monitor its accuracy in production and alert when it drifts?',
      'Performance can degrade as cameras, populations or behaviour change, and a system that keeps learning can feed its own biased outputs back into its inputs (feedback loops).',
      FULLY_PARTLY_NO('Yes, with alerts to the agency', 'Monitored by us, not reported', 'No'),
      { aiAct: 'Art. 15(4); Art. 72', nist: 'MEASURE 2' },
    ),
    single(
      'wb_affected_people',
      'wellbeing',
      'Have you assessed the system’s effects on the people it touches: suspects, victims, bystanders and officers?',
      'Including stress, stigma, chilling effects and wrongful police contact.',
      FULLY_PARTLY_NO('Yes, documented for each group', 'For some groups', 'No'),
      { aiAct: 'Art. 9(2)' },
    ),
    single(
      'wb_environment',
      'wellbeing',
      'Do you report the system’s energy use and environmental footprint?',
      'Training and operation.',
      [
        ['measured', 'Yes, measured', 100],
        ['estimated', 'Estimated', 60],
        ['no', 'No', 0],
      ],
      { weight: 0.5 },
    ),
    longText(
      'eff_resources',
      'efficiency',
      'What will the system cost the agency over its whole life, in money, computing resources and staff time?',
      'Licences, hardware, energy, the agency’s staff time to operate and oversee it, update cadence and end of life. Efficiency is the benefit for this cost.',
      { aiAct: 'Art. 13(3)(e)' },
    ),
    numberQuestion(
      'eff_support_years',
      'accountability',
      'For how many years do you guarantee support and security updates?',
      'From the date of delivery.',
      {
        unit: 'years',
        min: 0,
        max: 30,
        bands: [
          { max: 2, points: 0 },
          { min: 2, max: 5, points: 50 },
          { min: 5, points: 100 },
        ],
      },
    ),
  ],
};

const autonomy: PageDefinition = {
  name: 'autonomy',
  title: 'Human autonomy: agency, oversight, privacy, transparency and explainability',
  elements: [
    single(
      'ho_review_before_action',
      'human-oversight',
      'Must a person review each output before any action is taken about an individual?',
      'For example before a stop, an arrest, a search or an entry in a police file.',
      [
        ['enforced', 'Yes, the product enforces it', 100],
        ['recommended', 'Recommended in the instructions, not enforced', 50],
        ['no', 'No', 0],
      ],
      { aiAct: `Art. 14(4)(d); ${POST_RBI_ONLY}`, otherLaw: LED_AUTOMATED_DECISIONS, mcc: 'Human oversight' },
    ),
    single(
      'ho_override',
      'human-oversight',
      'Can operators disregard, override or reverse any output?',
      'And is that decision recorded?',
      FULLY_PARTLY_NO('Yes, and the decision is logged', 'Yes, but it is not logged', 'No'),
      { aiAct: 'Art. 14(4)(d)', mcc: 'Human oversight' },
    ),
    yesNo(
      'ho_stop',
      'human-oversight',
      'Can an authorised person stop the system safely at any time?',
      'A “stop button” that halts processing and leaves the system in a safe state.',
      {
        aiAct: 'Art. 14(4)(e)',
        mcc: 'Human oversight',
      },
    ),
    yesNo(
      'ho_two_person',
      'human-oversight',
      'Does the product support verification of each identification by two competent people?',
      'For remote biometric identification, no action may rest on a match until two competent people have verified it separately, unless Union or national law derogates from this for law enforcement. Answer for the product, whatever the agency’s law requires.',
      { visibleIf: REMOTE_BIOMETRIC, aiAct: 'Art. 14(5)', mcc: 'Human oversight' },
    ),
    multiple(
      'ho_automation_bias',
      'human-oversight',
      'Which measures help operators resist automation bias?',
      'Automation bias is the tendency to accept a machine’s output without enough scrutiny.',
      [
        ['confidence', 'Confidence or uncertainty shown with every output', 25],
        ['alternatives', 'Alternatives shown, not a single answer', 25],
        ['friction', 'Deliberate confirmation step with a reason', 25],
        ['training', 'Training that covers automation bias', 25],
        ['none', 'None of these', 0],
      ],
      { aiAct: 'Art. 14(4)(b)' },
    ),
    single(
      'ho_training',
      'human-oversight',
      'What training do you provide to the people who will operate and oversee the system?',
      'Competence, authority and AI literacy of operators are the deployer’s duty; the provider should equip them.',
      [
        ['programme', 'A training programme with assessment', 100],
        ['documentation', 'Documentation and videos only', 40],
        ['none', 'None', 0],
      ],
      { aiAct: 'Art. 4; Art. 26(2)' },
    ),
    yesNo(
      'ha_support_not_replace',
      'human-agency',
      'Is the system designed to support officers’ decisions rather than take them?',
      'No decision with legal or similar effect on a person rests on its output alone.',
      { aiAct: `Art. 14(4); ${POST_RBI_ONLY}`, otherLaw: LED_AUTOMATED_DECISIONS },
    ),
    yesNo(
      'ha_feedback',
      'human-agency',
      'Can operators report wrong outputs so that they are reviewed and corrected?',
      'A feedback route from users to you, with follow-up.',
      {
        required: false,
      },
    ),
    single(
      'priv_training_on_agency_data',
      'privacy',
      'Will you use the agency’s data to train or improve your models?',
      'Including inputs, outputs, logs and feedback.',
      [
        ['never', 'Never', 100],
        ['with-approval', 'Only with the agency’s prior written approval for each use', 80],
        ['anonymised-default', 'Anonymised data, by default', 30],
        ['yes-default', 'Yes, by default', 0],
      ],
      { mcc: 'Rights to use data sets' },
    ),
    single(
      'priv_retention',
      'privacy',
      'Can the agency configure retention periods and have data deleted on schedule?',
      'Inputs, outputs, reference databases and backups.',
      FULLY_PARTLY_NO('Yes, for every data category including backups', 'For some data categories', 'No'),
      { visibleIf: PERSONAL_DATA },
    ),
    single(
      'priv_subprocessors',
      'privacy',
      'Do you disclose every sub-processor, what it does and where?',
      'Including cloud, support and labelling providers.',
      FULLY_PARTLY_NO('Yes, the full list', 'Partly', 'No'),
      { evidence: true },
    ),
    single(
      'priv_data_return',
      'privacy',
      'At the end of the contract, will you return the agency’s data and delete your copies with a certificate?',
      'Also covers reference databases and any derived data.',
      FULLY_PARTLY_NO('Yes, with a deletion certificate', 'Return only, or deletion without proof', 'No'),
      { mcc: 'Rights to use data sets' },
    ),
    single(
      'harm_hosting',
      'privacy',
      'Where are the agency’s data and the system’s outputs processed and stored?',
      'Include sub-processors and support access.',
      [
        ['agency', 'Only on infrastructure the agency controls', 100],
        ['eu', 'In the EU/EEA, by us or listed sub-processors', 60],
        ['outside-eu', 'Partly or wholly outside the EU/EEA', 10],
      ],
      { otherLaw: 'Directive (EU) 2016/680 Chapter V' },
    ),
    longText(
      'priv_special_categories',
      'privacy',
      'Which special categories of personal data (such as biometric or health data) does the system process, and with which safeguards?',
      'Answer “none” if it processes none.',
      { visibleIf: PERSONAL_DATA },
    ),
    multiple(
      'tx_explanations',
      'transparency-explainability',
      'What explanations does the system give?',
      'Global (how it works in general) and local (why this output).',
      [
        ['global', 'A plain description of how the model works and its limits', 25],
        ['per-output', 'A reason for each individual output', 35],
        ['confidence', 'Confidence or uncertainty for each output', 20],
        ['factors', 'The factors that most influenced each output', 20],
        ['none', 'None of these', 0],
      ],
      { aiAct: 'Art. 13(3)(b)(iv)', mcc: 'Transparency' },
    ),
    single(
      'tx_explain_individual',
      'transparency-explainability',
      'Will you help the agency explain an individual decision to the person affected, or to a court?',
      'The right to an explanation of individual decisions based on high-risk AI output.',
      FULLY_PARTLY_NO('Yes, committed in the contract', 'Best efforts', 'No'),
      { aiAct: 'Art. 86', mcc: 'Obligation to explain' },
    ),
    single(
      'tx_technical_documentation',
      'transparency-explainability',
      'Will the agency receive the technical documentation and instructions for use?',
      'The Annex IV technical documentation, or the parts relevant to the deployer, and complete instructions for use.',
      FULLY_PARTLY_NO('Yes, complete', 'A summary only', 'No'),
      { evidence: true, aiAct: 'Art. 11; Art. 13; Annex IV', mcc: 'Technical documentation and instructions for use' },
    ),
    evidence(
      'tx_system_card',
      'transparency-explainability',
      'Upload a model or system card',
      'Purpose, data, metrics, limitations and version.',
      {
        required: false,
        aiAct: 'Art. 13',
      },
    ),
  ],
};

const fairness: PageDefinition = {
  name: 'fairness',
  title: 'Fairness: non-discrimination, diversity and accessibility, vulnerable groups, redress',
  elements: [
    single(
      'fair_bias_testing',
      'non-discrimination',
      'How have you tested the system for bias across demographic groups?',
      'Disaggregated results mean error rates reported separately for each group.',
      [
        ['independent', 'Independent audit with disaggregated results', 100],
        ['internal-disaggregated', 'Our own tests with disaggregated results', 70],
        ['aggregate-only', 'Overall results only', 20],
        ['none', 'Not tested', 0],
      ],
      { evidence: true, aiAct: 'Art. 10(2)(f)-(g); Art. 13(3)(b)(v)', mcc: 'Data and data governance' },
    ),
    matrix(
      'fair_group_results',
      'non-discrimination',
      'For each group, how does the error rate compare with the overall rate?',
      'A “gap” is the difference in false positive rate, in percentage points.',
      [
        ['women', 'Women'],
        ['men', 'Men'],
        ['under-25', 'People under 25'],
        ['over-60', 'People over 60'],
        ['darker-skin', 'Darker skin tones'],
        ['lighter-skin', 'Lighter skin tones'],
      ],
      [
        ['within-2', 'Tested, gap within 2 points', 100],
        ['larger-gap', 'Tested, larger gap', 40],
        ['not-tested', 'Not tested', 0],
      ],
      {
        // A text-only or voice-only tool has no skin tone to test: the method allows N/A for these rows.
        naRows: ['darker-skin', 'lighter-skin'],
        aiAct: 'Art. 13(3)(b)(v)',
      },
    ),
    evidence(
      'fair_bias_report',
      'non-discrimination',
      'Upload the bias evaluation report',
      'With the groups, metrics and data set used.',
      { required: false },
    ),
    longText(
      'fair_mitigation',
      'non-discrimination',
      'What did you do about the differences you found between groups?',
      'Mitigation in data, model or operating threshold, and what residual gap remains.',
      { aiAct: 'Art. 10(2)(g)' },
    ),
    single(
      'fair_representativeness',
      'non-discrimination',
      'Is the training data representative of the population the agency serves?',
      'Geography, demographics, cameras or sources, and behaviour.',
      [
        ['documented', 'Yes, with a documented analysis', 100],
        ['partly', 'Partly, or not analysed for this population', 50],
        ['unknown', 'We do not know', 0],
      ],
      { aiAct: 'Art. 10(3)-(4)', mcc: 'Data and data governance' },
    ),
    single(
      'fair_data_provenance',
      'traceability-auditability',
      'Can you document where the training, validation and test data came from, and on what legal basis it was collected?',
      'Sources, original purpose of any personal data, labelling process and known gaps.',
      [
        ['documented', 'Yes, fully documented', 100],
        ['partly', 'Partly', 50],
        ['refuse', 'We will not disclose this', 0],
      ],
      { evidence: true, aiAct: 'Art. 10(2)', mcc: 'Data and data governance' },
    ),
    single(
      'div_accessibility',
      'diversity-accessibility',
      'Does the user interface meet an accessibility standard (EN 301 549 / WCAG 2.1 AA)?',
      'Officers with disabilities must be able to use and oversee the system.',
      [
        ['certified', 'Yes, audited', 100],
        ['partly', 'Partly', 50],
        ['no', 'No', 0],
      ],
    ),
    yesNo(
      'div_languages',
      'diversity-accessibility',
      'Does the system work in the languages of its operators and, where relevant, of the people it affects?',
      'Including explanations and notices.',
      {
        required: false,
      },
    ),
    single(
      'vul_minors',
      'vulnerable-groups',
      'How does the system treat children and other vulnerable people?',
      'Risk management must consider whether the system may affect people under 18 or other vulnerable groups: for example people with disabilities or mental-health conditions, older people, people who do not speak the language, victims, migrants and people without a home.',
      [
        ['safeguards-tested', 'Specific safeguards, tested', 100],
        ['documented-limits', 'Documented limitations only', 50],
        ['not-considered', 'Not considered', 0],
      ],
      { aiAct: 'Art. 9(9)' },
    ),
    yesNo(
      'vul_scores_children',
      'vulnerable-groups',
      'Does the system produce risk scores for children?',
      'Any output that rates a person under 18.',
      { scoreTrue: 0, scoreFalse: 100, visibleIf: RISK_OF_PERSONS },
    ),
    single(
      'red_contest',
      'contestability-redress',
      'Can the agency give a person the records they need to contest an outcome?',
      'Inputs, output, version, operator decision and explanation for that case.',
      [
        ['self-service', 'Yes, exportable by the agency', 100],
        ['on-request', 'On request to us', 50],
        ['no', 'No', 0],
      ],
    ),
    yesNo(
      'red_correction',
      'contestability-redress',
      'Can wrong data or outputs be corrected, and the correction carried to every copy?',
      'Including reference databases and shared results.',
    ),
    single(
      'red_fria_cooperation',
      'contestability-redress',
      'Will you cooperate with the agency’s fundamental rights and data-protection impact assessments?',
      'Giving the Art. 13 information, risk analysis and test results the agency relies on, answering questions and joining review meetings.',
      [
        ['committed', 'Yes, committed in the contract', 100],
        ['best-efforts', 'Best efforts', 50],
        ['no', 'No', 0],
      ],
      { aiAct: 'Art. 26(9); Art. 27', mcc: 'Cooperation on the fundamental rights impact assessment' },
    ),
  ],
};

const governance: PageDefinition = {
  name: 'governance',
  title: 'Good governance: accountability, traceability and auditability',
  elements: [
    single(
      'gov_qms',
      'accountability',
      'What quality management system covers the system?',
      'Policies for design, testing, data, risk, post-market monitoring and incident reporting.',
      [
        ['iso42001', 'ISO/IEC 42001 certified', 100],
        ['iso9001-ai', 'ISO 9001 certified, with AI-specific procedures', 70],
        ['documented', 'Documented, not certified', 40],
        ['none', 'None', 0],
      ],
      { evidence: true, aiAct: 'Art. 17', mcc: 'Quality management system', iso42001: 'Clause 4–10' },
    ),
    evidence(
      'gov_certificates',
      'accountability',
      'Upload certificates and audit summaries',
      'ISO certificates, audit reports or attestations with their validity dates.',
      { required: false },
    ),
    single(
      'gov_rai_policy',
      'accountability',
      'Do you have a responsible-AI policy with an internal review that can stop a release?',
      'Who reviews, with what authority, and how often.',
      FULLY_PARTLY_NO('Yes, with power to stop releases', 'A policy without a review gate', 'No'),
      { iso42001: 'A.2; A.3' },
    ),
    single(
      'gov_change_notice',
      'accountability',
      'Will you notify the agency before material changes to the model, and may the agency refuse them?',
      'Retraining, new data, threshold changes or anything that may change results.',
      [
        ['advance-with-veto', 'Advance notice with the right to refuse or test first', 100],
        ['after', 'Notice after the change', 40],
        ['no', 'No notice', 0],
      ],
      { aiAct: 'Art. 3(23); Art. 43(4)', mcc: 'Definitions (substantial modification)' },
    ),
    single(
      'gov_post_market',
      'accountability',
      'Do you have a post-market monitoring plan for the system?',
      'Collecting and analysing performance data over the system’s life.',
      FULLY_PARTLY_NO('Yes, documented', 'Informal monitoring', 'No'),
      { aiAct: 'Art. 72' },
    ),
    single(
      'gov_exit',
      'accountability',
      'If the contract ends, can the agency move to another provider without losing its data, results or logs?',
      'Open export formats, hand-over assistance and no proprietary lock-in of agency data.',
      FULLY_PARTLY_NO('Yes, with an exit plan', 'Partly', 'No'),
      { mcc: 'Rights to use data sets; hand-over' },
    ),
    single(
      'gov_indemnity',
      'accountability',
      'Will you indemnify the agency against claims arising from data you used without the right to do so?',
      'For example training data collected unlawfully.',
      [
        ['yes', 'Yes', 100],
        ['negotiable', 'Negotiable', 50],
        ['no', 'No', 0],
      ],
      { mcc: 'Indemnity' },
    ),
    yesNo(
      'gov_staff_training',
      'accountability',
      'Are your staff who build and support the system trained in responsible AI and data protection?',
      'Including support staff who may see agency data.',
      {
        required: false,
      },
    ),
    single(
      'aud_logging',
      'traceability-auditability',
      'What does the system log automatically?',
      'Events over the system’s life, enough to trace each use and detect risks.',
      [
        ['full', 'Every use: who, when, inputs, outputs, decisions and version', 100],
        ['partial', 'Some events', 50],
        ['no', 'No logging', 0],
      ],
      { aiAct: 'Art. 12; Art. 19', mcc: 'Record-keeping' },
    ),
    yesNo(
      'aud_rbi_log',
      'traceability-auditability',
      'For each biometric identification, does the log record start and end time, the reference database, the matched input and who verified the result?',
      'The minimum log content for remote biometric identification.',
      { visibleIf: REMOTE_BIOMETRIC, aiAct: 'Art. 12(3)', mcc: 'Record-keeping' },
    ),
    single(
      'aud_log_access',
      'traceability-auditability',
      'How does the agency get its logs?',
      'Agencies must keep logs under their control for at least six months.',
      [
        ['export', 'Direct export in an open format', 100],
        ['on-request', 'On request to us', 50],
        ['no', 'No access', 0],
      ],
      { aiAct: 'Art. 26(6)', mcc: 'Record-keeping' },
    ),
    numberQuestion(
      'aud_log_retention',
      'traceability-auditability',
      'How long are logs kept by default?',
      'In months.',
      {
        unit: 'months',
        min: 0,
        max: 240,
        bands: [
          { max: 6, points: 0 },
          { min: 6, max: 12, points: 60 },
          { min: 12, points: 100 },
        ],
      },
      { aiAct: 'Art. 19; Art. 26(6)' },
    ),
    single(
      'aud_independent_audit',
      'traceability-auditability',
      'Will you give independent auditors access to test the system and to inspect its model, code, training documentation and logs?',
      'Auditors appointed by the agency or a supervisory authority, under confidentiality terms.',
      [
        ['full', 'Yes, including a test environment', 100],
        ['limited', 'Limited access, for example documents only', 50],
        ['refuse', 'No', 0],
      ],
      { mcc: 'Audits', nist: 'GOVERN 6' },
    ),
    yesNo(
      'aud_regulator_access',
      'traceability-auditability',
      'Will you cooperate with market-surveillance and data-protection authorities on request?',
      'Giving them access to documentation, logs and the system.',
      {
        aiAct: 'Art. 21; Art. 74',
      },
    ),
    single(
      'aud_versioning',
      'traceability-auditability',
      'Is every model version identified, with a change log the agency can read?',
      'So each output can be traced to the exact version that produced it.',
      FULLY_PARTLY_NO('Yes', 'Partly', 'No'),
      { aiAct: 'Art. 11; Annex IV', mcc: 'Technical documentation and instructions for use' },
    ),
  ],
};

const biometric: PageDefinition = {
  name: 'biometric',
  title: 'Remote biometric identification',
  visibleIf: REMOTE_BIOMETRIC,
  elements: [
    single(
      'rbi_mode',
      'legitimacy',
      'Does the product make each identification wait for a recorded authorisation?',
      'The agency has set the mode of use. Real-time identification in publicly accessible spaces is prohibited for law enforcement except for narrow objectives with prior authorisation for each use; post-remote identification needs authorisation before use or within 48 hours.',
      [
        ['post', 'Yes: a search cannot start without an authorisation reference, which is logged', 100],
        ['realtime-authorised', 'An authorisation reference is recorded but not enforced', 40],
        ['realtime-open', 'No authorisation control', 0],
      ],
      { aiAct: 'Art. 5(1)(h); Art. 5(2)-(3) (real-time); Art. 26(10) (post-remote)' },
    ),
    single(
      'rbi_watchlists',
      'proportionality',
      'Who can add people to reference databases or watch lists, and is each addition justified and reviewed?',
      'Role-based rights, a recorded reason and periodic review.',
      FULLY_PARTLY_NO('Yes, enforced by the product', 'Partly', 'No'),
    ),
    yesNo(
      'rbi_threshold',
      'human-oversight',
      'Can the agency set the match threshold, and does the operator see a ranked candidate list rather than a single match?',
      'Single “hits” invite automation bias.',
      { aiAct: 'Art. 14(4)(b)' },
    ),
    single(
      'rbi_benchmark',
      'non-discrimination',
      'Has the algorithm been evaluated in an independent public benchmark with demographic results?',
      'For example NIST FRTE, or an equivalent independent evaluation.',
      [
        ['yes', 'Yes, results available', 100],
        ['no', 'No', 0],
      ],
      { evidence: true },
    ),
  ],
};

const riskAssessment: PageDefinition = {
  name: 'risk-assessment',
  title: 'Risk assessment of persons',
  visibleIf: RISK_OF_PERSONS,
  elements: [
    single(
      'rp_factors',
      'transparency-explainability',
      'Does the agency receive the full list of factors the assessment uses and how they are weighted?',
      'Needed to check that no factor stands in for a protected characteristic.',
      FULLY_PARTLY_NO('Yes', 'Partly', 'No'),
    ),
    single(
      'rp_local_validation',
      'accuracy',
      'Has the assessment been validated on the population where it will be used?',
      'Risk tools calibrated elsewhere often misjudge local populations.',
      [
        ['yes', 'Yes, validated locally', 100],
        ['planned', 'Planned before go-live', 50],
        ['no', 'No', 0],
      ],
      { evidence: true },
    ),
    single(
      'rp_proxies',
      'non-discrimination',
      'Have you checked inputs for proxies of protected characteristics, such as postcode or social network?',
      'And removed or constrained those that act as proxies.',
      FULLY_PARTLY_NO('Yes, checked and mitigated', 'Checked, not mitigated', 'No'),
    ),
  ],
};

const rule = (
  id: string,
  severity: RuleDefinition['severity'],
  title: string,
  explanation: string,
  expression: string,
  references: Pick<RuleDefinition, 'aiAct' | 'mcc' | 'basis'> = {},
): RuleDefinition => ({ id, severity, title, explanation, expression, basis: 'law', ...references });

export const KNOCKOUTS: RuleDefinition[] = [
  rule(
    'ko-no-audit-access',
    'critical',
    'Refuses independent audit access',
    'An agency cannot oversee or defend a system it cannot have audited.',
    "{aud_independent_audit} = 'refuse'",
    { mcc: 'Audits' },
  ),
  rule(
    'ko-no-human-review',
    'critical',
    'No human review before action',
    'Outputs can lead to action about a person without anyone checking them. Decisions with adverse effects may not rest solely on automated processing (Directive (EU) 2016/680 Art. 11; for post-remote biometric identification also AI Act Art. 26(10)).',
    "{ho_review_before_action} = 'no'",
    { aiAct: 'Art. 14(4)(d); Art. 26(10) (post-remote biometric identification only)' },
  ),
  rule(
    'ko-no-override',
    'critical',
    'Outputs cannot be overridden',
    'Human oversight requires that operators can disregard or reverse outputs.',
    "{ho_override} = 'no'",
    { aiAct: 'Art. 14(4)(d)' },
  ),
  rule(
    'ko-provenance-refused',
    'critical',
    'Refuses to disclose data provenance',
    'Without knowing where the data came from, lawfulness and bias cannot be assessed.',
    "{fair_data_provenance} = 'refuse'",
    { aiAct: 'Art. 10(2)' },
  ),
  rule(
    'ko-scraped-faces',
    'critical',
    'Facial recognition database built or expanded by untargeted scraping',
    'Creating or expanding facial recognition databases through untargeted scraping of facial images from the internet or CCTV footage is a prohibited practice.',
    '{fair_scraped_data} = true',
    { aiAct: 'Art. 5(1)(e)' },
  ),
  rule(
    'ko-emotion-categorisation',
    'critical',
    'Agency policy: no emotion recognition or biometric categorisation',
    'Not a legal prohibition: in law enforcement these functions are high-risk uses (Annex III 1(b), 1(c), 6(b)), and Art. 5(1)(f) prohibits emotion recognition only in workplaces and education. The agency excludes them as its own policy; an agency that does not want this exclusion removes the rule from its questionnaire.',
    '{rbi_emotion_categorisation} = true',
    { aiAct: 'Annex III 1(b), 1(c), 6(b)', basis: 'agency-policy' },
  ),
  rule(
    'ko-profiling-only',
    'critical',
    'Predicts offending from profiling alone',
    'Prohibited unless it supports a human assessment based on objective facts.',
    '{rp_profiling_only} = true',
    { aiAct: 'Art. 5(1)(d)' },
  ),
  rule(
    'ko-realtime-uncontrolled',
    'critical',
    'Real-time identification without authorisation controls',
    'Real-time remote biometric identification needs prior authorisation in each case.',
    "{rbi_mode} = 'realtime-open' and {case_rbi} = 'real-time'",
    { aiAct: 'Art. 5(1)(h); Art. 5(3)' },
  ),
  rule(
    'ko-no-logging',
    'critical',
    'High-risk system without automatic logging',
    'Record-keeping is mandatory for high-risk systems.',
    `{aud_logging} = 'no' and (${HIGH_RISK})`,
    { aiAct: 'Art. 12', mcc: 'Record-keeping' },
  ),
  rule(
    'ko-not-classified',
    'high',
    'AI Act classification not assessed for a high-risk use',
    'The provider has not assessed a use the AI Act lists as high-risk.',
    `{law_ai_act_role} = 'not-assessed' and (${HIGH_RISK})`,
    { aiAct: 'Art. 6; Art. 43' },
  ),
];

export const RED_FLAGS: RuleDefinition[] = [
  rule(
    'rf-no-disaggregated-results',
    'high',
    'No disaggregated accuracy results',
    'Error rates are not reported per demographic group.',
    "{fair_bias_testing} anyof ['aggregate-only', 'none']",
    { aiAct: 'Art. 13(3)(b)(v)', mcc: 'Data and data governance' },
  ),
  rule(
    'rf-high-false-positives',
    'high',
    'False positive rate of 5 % or more',
    'Many people would be wrongly flagged at the default threshold.',
    // FP / (FP + TN) ≥ 5 %, computed from the counts so that it means the same for every provider
    '{acc_fpr} notempty and {acc_tn} notempty and {acc_fpr} * 100 >= 5 * ({acc_fpr} + {acc_tn})',
    { aiAct: 'Art. 15' },
  ),
  rule(
    'rf-benchmark-only',
    'medium',
    'Accuracy not tested in realistic conditions',
    'Only public or vendor benchmarks, or no tests at all.',
    "{acc_test_conditions} anyof ['vendor-benchmark', 'none']",
    { aiAct: 'Art. 9(6)-(8)' },
  ),
  rule(
    'rf-trains-on-agency-data',
    'high',
    'Trains on anonymised agency data by default',
    'Anonymised agency data would be reused for the provider’s models without case-by-case approval.',
    "{priv_training_on_agency_data} = 'anonymised-default'",
    { mcc: 'Rights to use data sets' },
  ),
  rule(
    'rf-outside-eu',
    'high',
    'Processing outside the EU/EEA',
    'Agency data leaves the EU/EEA, where transfers of law-enforcement data need an adequacy decision or appropriate safeguards. Agency policy may make this a knock-out.',
    "{harm_hosting} = 'outside-eu'",
  ),
  rule(
    'rf-no-pentest',
    'medium',
    'Never penetration-tested',
    'No security testing of the deployed product.',
    "{harm_security_testing} = 'none'",
    { aiAct: 'Art. 15(5)', mcc: 'Accuracy, robustness and cybersecurity' },
  ),
  rule(
    'rf-short-log-retention',
    'high',
    'Logs kept less than six months',
    'Deployers must keep logs for at least six months.',
    '{aud_log_retention} < 6',
    { aiAct: 'Art. 26(6)' },
  ),
  rule(
    'rf-no-change-notice',
    'medium',
    'No notice of model changes',
    'The model could change under the agency without warning.',
    "{gov_change_notice} = 'no'",
    { mcc: 'Definitions (substantial modification)' },
  ),
  rule('rf-no-exit', 'medium', 'No exit path', 'The agency could lose its data or be locked in.', "{gov_exit} = 'no'", {
    mcc: 'Rights to use data sets',
  }),
  rule(
    'rf-no-individual-explanation',
    'high',
    'Cannot explain individual decisions',
    'People affected have a right to an explanation.',
    "{tx_explain_individual} = 'no'",
    { aiAct: 'Art. 86', mcc: 'Obligation to explain' },
  ),
  rule(
    'rf-no-drift-monitoring',
    'medium',
    'No drift monitoring',
    'Accuracy could degrade unnoticed.',
    "{acc_drift} = 'no'",
    { aiAct: 'Art. 15(4); Art. 72' },
  ),
  rule(
    'rf-no-two-person-check',
    'high',
    'No two-person verification of identifications',
    'Biometric matches need verification by two competent people before action, unless Union or national law derogates from this for law enforcement.',
    '{ho_two_person} = false',
    { aiAct: 'Art. 14(5)' },
  ),
  rule(
    'rf-scores-children',
    'high',
    'Risk scores for children',
    'Children are a protected vulnerable group.',
    '{vul_scores_children} = true',
    { aiAct: 'Art. 9(9)' },
  ),
  rule(
    'rf-no-fria-cooperation',
    'medium',
    'Will not cooperate with the impact assessment',
    'The agency needs the provider’s input for its FRIA and DPIA.',
    "{red_fria_cooperation} = 'no'",
    { aiAct: 'Art. 26(9); Art. 27' },
  ),
  rule(
    'rf-undisclosed-subprocessors',
    'high',
    'Sub-processors not disclosed',
    'The agency cannot know who handles its data. Agency policy may make this a knock-out.',
    "{priv_subprocessors} = 'no'",
  ),
  rule(
    'rf-no-qms',
    'medium',
    'No quality management system',
    'Required for providers of high-risk systems.',
    "{gov_qms} = 'none'",
    { aiAct: 'Art. 17', mcc: 'Quality management system' },
  ),
  rule(
    'rf-always-outputs',
    'medium',
    'Always gives an output, even when unsure',
    'Poor inputs still produce confident-looking results.',
    "{harm_fail_safe} = 'always'",
    { aiAct: 'Art. 15(4)' },
  ),
];

const ALL_KNOCKOUTS = [...KNOCKOUTS, ...ADDED_KNOCKOUTS];
const ALL_RED_FLAGS = [...RED_FLAGS, ...ADDED_RED_FLAGS];

export const RESPONSIBLE_AI_HIGH_RISK: QuestionnaireDefinition = withBankTranslations({
  title: 'Responsible-AI due diligence for law-enforcement AI systems',
  description:
    'Questions for providers of AI systems to law-enforcement agencies, organised by the principles of the INTERPOL–UNICRI Toolkit for Responsible AI Innovation in Law Enforcement and the EU AI Act’s high-risk requirements.',
  locale: 'en',
  pages: [lawfulness, PROHIBITED_PRACTICES, harm, autonomy, fairness, governance, biometric, riskAssessment].map(
    withAdditions,
  ),
  knockouts: ALL_KNOCKOUTS,
  redFlags: ALL_RED_FLAGS,
});

const LIGHT_QUESTIONS = new Set([
  'art5_declaration',
  'art5_social_scoring',
  'rp_profiling_only',
  'fair_scraped_data',
  'rbi_sensitive_categorisation',
  'rbi_emotion_categorisation',
  'law_prohibited_uses',
  'law_ai_act_role',
  'law_function_switches',
  'harm_security_testing',
  'harm_hosting',
  'harm_fail_safe',
  'acc_metrics_declared',
  'acc_threshold',
  'acc_test_set',
  'acc_tp',
  'acc_fpr',
  'acc_tn',
  'acc_fnr',
  'acc_test_conditions',
  'ho_review_before_action',
  'ho_override',
  'ha_support_not_replace',
  'ho_stop',
  'tx_ai_interaction_disclosure',
  'gov_gpai_upstream',
  'priv_training_on_agency_data',
  'priv_subprocessors',
  'priv_data_return',
  'tx_explanations',
  'tx_technical_documentation',
  'fair_bias_testing',
  'fair_data_provenance',
  'red_contest',
  'gov_change_notice',
  'gov_exit',
  'aud_logging',
  'aud_log_access',
  'aud_independent_audit',
]);

function referencedQuestions(expression: string): string[] {
  return [...expression.matchAll(/\{([a-z0-9_]+)\}/g)].map((match) => match[1]).filter((name) => !isReservedName(name));
}

/** A shorter questionnaire for systems that are not high-risk, following the MCC-AI Light template. */
export const RESPONSIBLE_AI_LIGHT: QuestionnaireDefinition = withBankTranslations({
  title: 'Responsible-AI due diligence (light) for lower-risk AI systems',
  description:
    'A shorter set of questions for AI systems outside the AI Act’s high-risk list, keeping documentation, transparency, oversight, accuracy and data rights.',
  locale: 'en',
  pages: RESPONSIBLE_AI_HIGH_RISK.pages
    .filter((page) => !page.visibleIf)
    .map((page) => ({ ...page, elements: page.elements.filter((element) => LIGHT_QUESTIONS.has(element.name)) }))
    .filter((page) => page.elements.length > 0),
  knockouts: ALL_KNOCKOUTS.filter((candidate) =>
    referencedQuestions(candidate.expression).every((name) => LIGHT_QUESTIONS.has(name)),
  ),
  redFlags: ALL_RED_FLAGS.filter((candidate) =>
    referencedQuestions(candidate.expression).every((name) => LIGHT_QUESTIONS.has(name)),
  ),
});
