/**
 * The six headings of a fundamental rights impact assessment (AI Act Art. 27(1)(a)–(f)). The deploying
 * agency writes the text under each; what providers supplied is only ever shown beside it as a source.
 */
export const FRIA_HEADING_KEYS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type FriaHeadingKey = (typeof FRIA_HEADING_KEYS)[number];

export interface FriaHeadingDefinition {
  key: FriaHeadingKey;
  heading: string;
  /** What the agency is asked to write, shown as the field's hint. */
  prompt: string;
}

export const FRIA_HEADING_DEFINITIONS: readonly FriaHeadingDefinition[] = [
  {
    key: 'a',
    heading: '(a) The deployer’s processes in which the system will be used, in line with its intended purpose',
    prompt: 'Which of the agency’s processes the system supports, who uses it, and for what purpose.',
  },
  {
    key: 'b',
    heading: '(b) The period of time within which, and the frequency with which, the system is intended to be used',
    prompt: 'From when until when the agency means to use it, and how often (per day, per case, continuously).',
  },
  {
    key: 'c',
    heading: '(c) The categories of natural persons and groups likely to be affected in this context',
    prompt: 'Who is affected: suspects, victims, witnesses, bystanders, minors or other vulnerable groups.',
  },
  {
    key: 'd',
    heading:
      '(d) The specific risks of harm likely to affect those persons or groups, using the provider’s Art. 13 information',
    prompt: 'The harms the agency expects in its own use, with the provider’s instructions for use in mind.',
  },
  {
    key: 'e',
    heading: '(e) The human oversight measures, according to the instructions for use',
    prompt: 'Who oversees the system’s output, with what training and authority, and how they can override it.',
  },
  {
    key: 'f',
    heading:
      '(f) The measures to be taken if those risks materialise, including internal governance and complaint mechanisms',
    prompt: 'What the agency does when harm occurs: suspension, incident reporting, complaints and redress.',
  },
];

/** The longest text the agency may write under one heading (a few pages). */
export const MAX_FRIA_TEXT_LENGTH = 20000;

export function isFriaHeadingKey(value: string): value is FriaHeadingKey {
  return (FRIA_HEADING_KEYS as readonly string[]).includes(value);
}

/** The stakeholders Art. 27 and the Toolkit expect an agency to consult, as the form offers them. */
export const CONSULTED_GROUPS = [
  'affected-communities',
  'civil-society',
  'data-protection-officer',
  'workers-representatives',
  'other',
] as const;
export type ConsultedGroup = (typeof CONSULTED_GROUPS)[number];

export const CONSULTED_GROUP_LABELS: Record<ConsultedGroup, string> = {
  'affected-communities': 'Affected communities',
  'civil-society': 'Civil society',
  'data-protection-officer': 'Data-protection officer',
  'workers-representatives': 'Workers’ representatives',
  other: 'Other',
};
