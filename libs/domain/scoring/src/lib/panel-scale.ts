import type { NOT_APPLICABLE } from '@probity/rubric';

/** The published panel scale is 0–4; its top step is worth the same 100 points as the best choice. */
export const PANEL_SCALE_MAX = 4;
export const POINTS_PER_PANEL_STEP = 100 / PANEL_SCALE_MAX;

/** A moderated panel score on the published 0–4 scale, or N/A when the panel judged it so. */
export type PanelScoreInput = number | typeof NOT_APPLICABLE;
