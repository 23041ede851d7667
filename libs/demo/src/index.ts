export { answersAtQuality } from './lib/demo-answers';
export { DEMO_PROVIDERS, DEMO_SCOPE, demoCase, DemoProvider } from './lib/demo-tender';
