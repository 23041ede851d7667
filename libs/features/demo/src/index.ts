export { answersAtQuality } from './lib/demo-answers';
export { DEMO_AGENCY_NAME, DEMO_CASE_SCOPE, DEMO_PROVIDERS, demoCase, DemoProvider } from './lib/demo-tender';
export { demoEvidencePdf } from './lib/demo-evidence';
export { completeDemoResponse, submitDemoResponse, submitDemoResponses } from './lib/demo-submissions';
export { DEMO_STAFF, DemoStaffKey, DemoStaffMember, ensureDemoStaff } from './lib/demo-staff';
