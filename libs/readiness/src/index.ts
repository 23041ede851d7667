export {
  CONSULTED_GROUP_LABELS,
  CONSULTED_GROUPS,
  ConsultedGroup,
  FRIA_HEADING_DEFINITIONS,
  FRIA_HEADING_KEYS,
  FriaHeadingDefinition,
  FriaHeadingKey,
  isFriaHeadingKey,
  MAX_FRIA_TEXT_LENGTH,
} from './model/fria-headings';
