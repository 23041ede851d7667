import { DossierCatalogue, EN } from './catalogue/catalogue';
import type { DossierInput, DossierReadinessItem } from './dossier-input';

const CLOSED = new Set(['Done', 'Not applicable']);

/**
 * "Is the agency ready to use this system?": the agency's checklist as recorded, and the mandatory
 * items still open. Null when the dossier was made before the agency could record a checklist.
 */
export function readinessView(input: Pick<DossierInput, 'deployer'>, t: DossierCatalogue = EN) {
  const items = input.deployer?.readiness;
  if (!items) return null;
  const open = items.filter((item) => item.mandatory && !CLOSED.has(item.status));
  return {
    items: items.map((item: DossierReadinessItem) => ({
      ...item,
      ...checklistWording(item, t),
      owner: item.owner ?? '—',
      dueDate: item.dueDate ?? '—',
      open: !CLOSED.has(item.status),
    })),
    open: open.map((item) => checklistWording(item, t).title),
    ready: open.length === 0,
  };
}

/** "human-oversight" → "humanOversight", the item's key in the catalogue. */
const camel = (key: string) => key.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
const STATUS_KEY = new Map(Object.entries(EN.readinessStatus).map(([key, label]) => [label, key]));

/**
 * A checklist item's title, basis and status in the catalogue's language. Only wording the catalogue
 * knows word for word is translated: an item added or reworded in libs/features/readiness after the catalogue
 * keeps its recorded English rather than an outdated translation.
 */
function checklistWording(item: DossierReadinessItem, t: DossierCatalogue) {
  const english = EN.readinessItems as Record<string, string>;
  const words = t.readinessItems as Record<string, string>;
  const translated = (key: string, recorded: string) => (english[key] === recorded ? words[key] : recorded);
  const status = STATUS_KEY.get(item.status);
  return {
    title: translated(camel(item.key), item.title),
    basis: translated(`${camel(item.key)}Basis`, item.basis),
    status: status ? (t.readinessStatus as Record<string, string>)[status] : item.status,
  };
}
