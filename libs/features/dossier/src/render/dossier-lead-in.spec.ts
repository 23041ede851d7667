import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierMeta } from '../model/dossier-view';
import { createDossierTemplate } from './dossier-template';

const META: DossierMeta = {
  version: 1,
  status: 'draft',
  contentHash: 'b'.repeat(64),
  generatedAt: '2026-11-22T10:00:00Z',
};

/** An imported questionnaire's html blocks reach the answers annex: lead-ins some answers need. */
describe('answers annex lead-ins', () => {
  const input = sampleDossierInput({
    leadInHtml:
      '<p>Answer for the <em>deployed</em> system.</p><script>alert(1)</script><img src="https://t.example/x">',
  });

  it('gives the first question of the page its lead-in, sanitised', () => {
    const [first, ...rest] = input.providers[0].answers;
    expect(first.leadIn).toBe('<p>Answer for the <em>deployed</em> system.</p>');
    expect(rest.filter((a) => a.leadIn)).toEqual([]);
  });

  it('prints it beside the question in Annex B, and sanitises whatever an input carries', () => {
    const hostile = {
      ...input,
      providers: input.providers.map((provider) => ({
        ...provider,
        answers: provider.answers.map((a) =>
          a.leadIn ? { ...a, leadIn: `${a.leadIn}<script>alert(2)</script><a href="javascript:x()">x</a>` } : a,
        ),
      })),
    };
    const html = createDossierTemplate()(hostile, META);
    expect(html).toContain('<div class="lead-in"><p>Answer for the <em>deployed</em> system.</p>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('t.example');
  });
});
