/**
 * The scoring method in words, published with every tender (portal, published JSON, dossier) and
 * enforced by @probity/scoring. One wording, so what providers read is what the scorer does.
 */
export const PUBLISHED_RULES = {
  effectiveWeights:
    "Each question is worth principle weight × question weight units. A criterion's points (its published weight of 100) are shared among the questions of that criterion that apply to this tender in proportion to their units, so every question's points of 100 are published and add up to 100.",
  notApplicable:
    'N/A is accepted only where the method allows it. A question answered N/A leaves the score: its points are shared, in proportion, by the other questions of its criterion. A table row answered N/A where allowed leaves the table’s average.',
  blank:
    'A question left blank scores 0, the same as the worst answer, whether it is required or optional: leaving a question blank never beats answering it.',
  tables:
    'A table scores the average over every row; a row left out scores 0. A table with rows left out cannot be submitted.',
  evidence:
    'A claim the method marks as needing evidence earns its points only when the evidence is attached and the panel confirms it supports the claim; until then, and when the panel finds it does not, the claim scores 0, the same as the worst answer. Evidence never lowers a score.',
  accuracy:
    'Accuracy is asked as a confusion matrix (TP, FP, TN, FN) at a stated operating threshold on a named test set. Probity computes FPR = FP / (FP + TN), FNR = FN / (FN + TP), precision = TP / (TP + FP) and the base rate (TP + FN) / all, the same way for every provider, scores the rates by the published bands, and flags figures measured on another test set, at another threshold or at a base rate more than 10 % apart.',
  judgement: 'Questions that need judgement are scored by the panel on the published 0–4 scale; 4 is worth 100 points.',
  knockouts: 'A response that meets a knock-out (exclusion) rule is not ranked.',
  redFlags:
    'Red flags are risks for the contract, not award criteria: they never change a score or a rank; the agency deals with them in the contract.',
} as const;

/** How a red flag is labelled wherever it is shown. */
export const RED_FLAG_LABEL = 'Risk for the contract, not an award criterion';
