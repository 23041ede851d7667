import type { CasesService } from '@probity/cases';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { answersAtQuality } from './demo-answers';
import { demoEvidencePdf } from './demo-evidence';
import { DEMO_PROVIDERS, DEMO_SCOPE, DemoProvider } from './demo-tender';

/**
 * Every demo provider is invited to the open case, answers at its own quality, attaches its evidence
 * and submits, through the same service calls the portal makes.
 */
export async function submitDemoResponses(
  cases: CasesService,
  caseId: string,
  definition: QuestionnaireDefinition,
  onSubmitted?: (provider: DemoProvider) => void,
): Promise<void> {
  for (const provider of DEMO_PROVIDERS) {
    const { response } = await cases.inviteProvider(caseId, provider.invite);
    await submitDemoResponse(cases, response.id, provider, definition);
    onSubmitted?.(provider);
  }
}

/** One invited demo provider answers at its own quality, attaches its evidence and submits. */
export async function submitDemoResponse(
  cases: CasesService,
  responseId: string,
  provider: DemoProvider,
  definition: QuestionnaireDefinition,
): Promise<void> {
  await completeDemoResponse(cases, responseId, provider, definition);
  await cases.submit(responseId);
}

/** One invited demo provider answers at its own quality and attaches its evidence: ready to submit. */
export async function completeDemoResponse(
  cases: CasesService,
  responseId: string,
  provider: DemoProvider,
  definition: QuestionnaireDefinition,
): Promise<void> {
  await cases.saveAnswers(
    responseId,
    { ...DEMO_SCOPE, ...answersAtQuality(definition, provider.quality, provider.overrides) },
    0,
  );
  for (const file of provider.evidence)
    await cases.addEvidence(
      responseId,
      file.questionName,
      file.fileName,
      await demoEvidencePdf(file.fileName, file.content),
    );
}
