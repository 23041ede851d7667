import type { DossierInput, DossierReadinessItem } from './dossier-input';

const CLOSED = new Set(['Done', 'Not applicable']);

/**
 * "Is the agency ready to use this system?": the agency's checklist as recorded, and the mandatory
 * items still open. Null when the dossier was made before the agency could record a checklist.
 */
export function readinessView(input: Pick<DossierInput, 'deployer'>) {
  const items = input.deployer?.readiness;
  if (!items) return null;
  const open = items.filter((item) => item.mandatory && !CLOSED.has(item.status));
  return {
    items: items.map((item: DossierReadinessItem) => ({
      ...item,
      owner: item.owner ?? '—',
      dueDate: item.dueDate ?? '—',
      open: !CLOSED.has(item.status),
    })),
    open: open.map((item) => item.title),
    ready: open.length === 0,
  };
}
