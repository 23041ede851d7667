import { sampleDossierInput } from '../fixtures/sample-dossier-input';
import type { DossierMeta } from '../model/dossier-view';
import { createDossierTemplate } from './dossier-template';

const META: DossierMeta = {
  version: 1,
  status: 'draft',
  contentHash: 'a'.repeat(64),
  generatedAt: '2026-11-22T10:00:00Z',
};

describe('dossier template (HTML)', () => {
  const template = createDossierTemplate();

  it('prints every chapter and every provider', () => {
    const input = sampleDossierInput();
    const html = template(input, META);
    for (const id of [
      'cover',
      'summary',
      'procedure',
      'comparison',
      'sensitivity',
      'ai-act',
      'readiness',
      'fria',
      'sign-off',
    ])
      expect(html).toContain(`id="${id}"`);
    for (const provider of input.providers) expect(html).toContain(provider.name);
    expect(html).toContain('a'.repeat(64));
  });

  it('embeds only the font files the text needs, each limited to its characters', () => {
    const faces = (html: string) => [...html.matchAll(/@font-face \{ font-family: '([^']+)'; font-weight: (\d+);/g)];
    const families = (html: string) => new Set(faces(html).map(([, family]) => family));
    const latinOnly = template(sampleDossierInput({ providers: 3 }), META);
    // The fourth provider writes its name in Cyrillic, the fifth in Arabic.
    const withArabic = template(sampleDossierInput({ providers: 5 }), META);
    expect(families(latinOnly)).toEqual(new Set(['Probity Sans']));
    expect(families(withArabic)).toEqual(new Set(['Probity Sans', 'Probity Arabic']));
    expect(faces(withArabic).length).toBeGreaterThan(faces(latinOnly).length);
    for (const html of [latinOnly, withArabic]) {
      const rules = html.match(/@font-face \{[^}]*\}/g) ?? [];
      expect(rules.length).toBe(faces(html).length);
      expect(rules.filter((rule) => !/unicode-range: U\+/.test(rule))).toEqual([]);
    }
  });

  it('gives every table header a scope, so the tagged PDF pairs cells with their headers', () => {
    const html = template(sampleDossierInput(), META);
    const headers = html.match(/<th\b[^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(20);
    expect(headers.filter((th) => !/scope="(col|row)"/.test(th))).toEqual([]);
  });

  it('escapes provider text and embeds only sanitised charts', () => {
    const input = sampleDossierInput({
      providerNameSuffix: ' <script>alert(1)</script>',
      answerOverrides: { law_misuse: '<img src=x onerror=alert(2)>' },
    });
    const html = template(
      { ...input, charts: { comparison: '<svg><script>alert(3)</script><rect onclick="x()" width="1"/></svg>' } },
      META,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onclick');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(html).toContain('<svg><rect width="1" /></svg>');
  });

  it('prints the agency’s FRIA text apart from the sources, says which headings are unwritten, and lists consultations', () => {
    const input = sampleDossierInput();
    const fria = (html: string) =>
      html.slice(html.indexOf('id="fria"'), html.indexOf('</section>', html.indexOf('id="fria"')));
    const blank = fria(template(input, META));
    expect(blank.match(/Not yet written by the agency\./g)).toHaveLength(6);
    expect(blank).toContain('No stakeholder consultation recorded by the agency.');
    expect(blank).toContain('Sources — supplied by providers (not the agency’s assessment)');
    const written = fria(
      template(
        {
          ...input,
          deployer: {
            fria: [
              {
                key: 'c',
                text: 'Suspects and bystanders in recordings.',
                writtenBy: 'A. Officer',
                writtenAt: '2026-12-01T09:00:00Z',
              },
            ],
            consultations: [
              {
                group: 'Civil society',
                stakeholder: 'Rights Watch NL',
                heldOn: '2026-11-20',
                said: 'Bystanders are filmed.',
                changed: 'Blur bystanders.',
              },
            ],
          },
        },
        META,
      ),
    );
    expect(written.match(/Not yet written by the agency\./g)).toHaveLength(5);
    expect(written).toContain('Suspects and bystanders in recordings.');
    expect(written).toContain('written by A. Officer, 2026-12-01');
    expect(written).toContain('Rights Watch NL');
    expect(written).toContain('Blur bystanders.');
  });

  it('answers “Is the agency ready to use this system?” with the open mandatory items', () => {
    const input = sampleDossierInput();
    const section = (html: string) =>
      html.slice(html.indexOf('id="readiness"'), html.indexOf('</section>', html.indexOf('id="readiness"')));
    expect(section(template(input, META))).toContain('had not recorded its readiness');
    const html = section(
      template(
        {
          ...input,
          deployer: {
            fria: [],
            consultations: [],
            readiness: [
              {
                key: 'dpia',
                title: 'Data-protection impact assessment',
                basis: 'GDPR Art. 35',
                mandatory: true,
                status: 'Done',
                owner: 'DPO',
                dueDate: '2026-12-01',
                evidence: 'DPIA-7',
              },
              {
                key: 'log-retention',
                title: 'Logs kept for at least six months',
                basis: 'AI Act Art. 26(6)',
                mandatory: true,
                status: 'In progress',
                owner: null,
                dueDate: null,
                evidence: '',
              },
            ],
          },
        },
        META,
      ),
    );
    expect(html).toContain('Is the agency ready to use this system?');
    expect(html).toContain('Open mandatory items:</strong> Logs kept for at least six months.');
    expect(html).toContain('DPIA-7');
  });
});
