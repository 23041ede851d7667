import type { INestApplicationContext } from '@nestjs/common';
import { EvidenceService, ProviderInvitesService, ResponsesService } from '@probity/cases';
import type { QuestionnaireDefinition } from '@probity/questionnaires';
import { answersAtQuality } from './demo-answers';
import { demoEvidencePdf } from './demo-evidence';
import { DEMO_PROVIDERS, DemoProvider } from './demo-tender';

/** Where the demo finds the cases library's services: the running application. */
type DemoServices = Pick<INestApplicationContext, 'get'>;

/**
 * Every demo provider is invited to the open case, answers at its own quality, attaches its evidence
 * and submits, through the same service calls the portal makes.
 */
export async function submitDemoResponses(
  services: DemoServices,
  caseId: string,
  definition: QuestionnaireDefinition,
  onSubmitted?: (provider: DemoProvider) => void,
): Promise<void> {
  for (const provider of DEMO_PROVIDERS) {
    const { response } = await services.get(ProviderInvitesService).inviteProvider(caseId, provider.invite);
    await submitDemoResponse(services, response.id, provider, definition);
    onSubmitted?.(provider);
  }
}

/** One invited demo provider answers at its own quality, attaches its evidence and submits. */
export async function submitDemoResponse(
  services: DemoServices,
  responseId: string,
  provider: DemoProvider,
  definition: QuestionnaireDefinition,
): Promise<void> {
  await completeDemoResponse(services, responseId, provider, definition);
  await services.get(ResponsesService).submit(responseId);
}

/** One invited demo provider answers at its own quality and attaches its evidence: ready to submit. */
export async function completeDemoResponse(
  services: DemoServices,
  responseId: string,
  provider: DemoProvider,
  definition: QuestionnaireDefinition,
): Promise<void> {
  await services
    .get(ResponsesService)
    .saveAnswers(responseId, answersAtQuality(definition, provider.quality, provider.overrides), 0);
  for (const file of provider.evidence)
    await services
      .get(EvidenceService)
      .addEvidence(responseId, file.questionName, file.fileName, await demoEvidencePdf(file.fileName, file.content));
}
