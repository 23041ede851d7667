import type { ProcurementCase } from '@probity/cases';
import type { FriaAuthor, FriaService, ReadinessService } from '@probity/readiness';

/** The demo agency's own FRIA text: what an officer would write for post-event video search. */
export const DEMO_FRIA: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = {
  a: 'The system supports the Digital Investigations Unit in searching lawfully seized video for persons and vehicles named in an open criminal investigation. Analysts run each search under a case reference; results are leads that an investigator checks before any step is taken.',
  b: 'From the contract start for four years. Expected use is 30 to 60 searches a week, only after an incident and never on live feeds.',
  c: 'Suspects and witnesses in the footage; bystanders who happen to be filmed in public space, including minors; victims whose images are part of the evidence. People with darker skin tones and older people are considered separately because of known accuracy gaps.',
  d: 'A false match could lead to the questioning or arrest of an innocent person; unequal accuracy across groups could concentrate such errors on minorities; broad searches could expose the movements of bystanders. The provider’s instructions for use and bias-test reports were read for these risks.',
  e: 'Every match is reviewed by two trained analysts before it is reported; the system cannot act on its own; analysts can discard any result, and the unit head can suspend use. Analysts complete a training on automation bias before they get access.',
  f: 'Use is suspended on a serious incident, which is reported to the provider and the market surveillance authority (Art. 73). People affected can complain through the force’s complaints office and ask the data-protection officer for an explanation and correction; complaints are reviewed quarterly by the ethics committee.',
};

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86400000).toISOString().slice(0, 10);
const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * 86400000).toISOString().slice(0, 10);

/** Writes the demo FRIA, records two consultations and fills the readiness checklist, leaving two items open. */
export async function seedDemoDeployerAssessment(
  services: { fria: FriaService; readiness: ReadinessService },
  procurementCase: ProcurementCase,
  officer: FriaAuthor,
  now: Date,
): Promise<void> {
  await services.fria.writeHeadings(procurementCase, DEMO_FRIA, officer, now);
  await services.fria.recordConsultation(
    procurementCase,
    {
      group: 'civil-society',
      stakeholder: 'Digital Rights Coalition',
      heldOn: daysBefore(now, 12),
      said: 'Bystanders, including children, are filmed without knowing it; searches should be narrow and logged.',
      changed:
        'Searches now need a case reference and a time window; bystanders’ faces are blurred in exported stills.',
    },
    officer,
    now,
  );
  await services.fria.recordConsultation(
    procurementCase,
    {
      group: 'workers-representatives',
      stakeholder: 'Police staff council',
      heldOn: daysBefore(now, 5),
      said: 'Analysts fear being blamed for the system’s errors and asked for training time.',
      changed: 'Two days of training per analyst are budgeted; the two-analyst review is written into the procedure.',
    },
    officer,
    now,
  );
  const done = (owner: string, evidence: string) => ({ status: 'done', owner, evidence });
  const steps: Array<[string, Record<string, string>]> = [
    [
      'human-oversight',
      done('Head of Digital Investigations', 'Eight analysts named; automation-bias training completed.'),
    ],
    ['workers-informed', done('HR business partner', 'Police staff council informed and consulted.')],
    ['dpia', done('Data-protection officer', 'DPIA DI-2026-04 with the DPO’s positive opinion.')],
    ['fria', done('Procurement officer', 'All six headings written; notification drafted for the authority.')],
    ['complaints-route', done('Complaints office', 'Complaints and explanation route published on the force website.')],
    ['log-retention', { status: 'in-progress', owner: 'IT operations', dueOn: daysAfter(now, 30), evidence: '' }],
    ['registration', { status: 'not-started', owner: 'Legal affairs', dueOn: daysAfter(now, 45), evidence: '' }],
    [
      'monitoring-plan',
      { status: 'in-progress', owner: 'Procurement officer', dueOn: daysAfter(now, 30), evidence: '' },
    ],
  ];
  for (const [key, update] of steps) await services.readiness.updateItem(procurementCase, key, update, officer, now);
}
