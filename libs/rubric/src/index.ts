export {
  CORE_PRINCIPLES,
  CorePrincipleId,
  corePrincipleOf,
  INSTRUMENTAL_PRINCIPLES,
  InstrumentalPrincipleId,
  isInstrumentalPrincipleId,
} from './lib/principles';
export { NOT_APPLICABLE, RubricItem, RubricScoring } from './lib/rubric-item';
