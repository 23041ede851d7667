export { createTestDatabase, TestDatabase } from './lib/test-database';
export { servicesTestConfig, testRedisUrl, uniqueQueuePrefix } from './lib/test-config';
export { adminDatabaseUrl } from './lib/test-database';
export { typeOrmTestModule } from './lib/test-modules';
export { waitFor } from './lib/wait-for';
export { ReceivedMail, SmtpSink, startSmtpSink } from './lib/smtp-sink';
export {
  aCase,
  aPanel,
  aQuestionnaire,
  aResponse,
  aStaffPrincipal,
  aStaffUser,
  FactoryCaseStatus,
  FactoryStaffRole,
} from './lib/factories';
export {
  aConsensusScore,
  aDeclaration,
  aJudgedQuestionnaire,
  aPanelScore,
  aPanelSubmission,
  judgedAnswers,
} from './lib/panel-factories';
export { inlineUnitOfWork, Mocked, mockOf, overDoubles } from './lib/mocks';
export { startWebTestApp } from './lib/web-test-app';
export { freePort } from './lib/free-port';
