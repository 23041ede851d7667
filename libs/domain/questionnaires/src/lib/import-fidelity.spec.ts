import { THIRD_PARTY_ASSESSMENT_JSON } from '../fixtures/third-party-assessment';
import { BUILT_IN_QUESTIONNAIRES } from '../bank';
import { contentHash } from './content-hash';
import { exportQuestionnaire, importQuestionnaire } from './import-questionnaire';
import { htmlOf, leadInsOf, panelHeadingOf, sanitiseProviderHtml } from './provider-html';

describe('import keeps html blocks (regression: a duplicate html name refused the questionnaire)', () => {
  it('accepts a duplicate name on an html block, with a warning at its JSON path', () => {
    const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toContainEqual({
      path: '$.pages[1].elements[0].name',
      message: expect.stringMatching(/^duplicate name "instructions" \(also at \$\.pages\[0\]\.elements\[0\]\)/),
    });
  });

  it('keeps a duplicate name on a panel a warning too', () => {
    const result = importQuestionnaire({
      pages: [
        { name: 'a', elements: [{ type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q1' }] }] },
        { name: 'b', elements: [{ type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q2' }] }] },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('still refuses a duplicate name on questions, which would share one answer', () => {
    const result = importQuestionnaire({
      pages: [
        {
          name: 'a',
          elements: [
            { type: 'html', name: 'x', html: '<p>Hi</p>' },
            { type: 'text', name: 'q' },
          ],
        },
        { name: 'b', elements: [{ type: 'comment', name: 'q' }] },
      ],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { path: '$.pages[1].elements[0].name', message: 'duplicate name "q" (also at $.pages[0].elements[1])' },
    ]);
  });

  it('keeps every html block in the stored definition', () => {
    const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
    if (!result.ok) throw new Error('refused');
    const html = JSON.stringify(result.definition).match(/"type":"html"/g);
    expect(html).toHaveLength(3);
  });
});

describe('provider-visible HTML', () => {
  it('keeps structure and emphasis, and drops scripts, handlers, styles, images and unsafe links', () => {
    expect(
      sanitiseProviderHtml(
        '<h1 style="color:red">Title</h1><p onclick="x()">A <strong>b</strong> <img src="https://t.example/p.gif"></p>' +
          '<script>alert(1)</script><a href="javascript:alert(1)">j</a><a href="https://example.org">ok</a>',
      ),
    ).toBe(
      '<h3>Title</h3><p>A <strong>b</strong> </p><a rel="noopener noreferrer">j</a><a href="https://example.org" rel="noopener noreferrer">ok</a>',
    );
  });

  it('shows an html block in the wanted language, sanitised', () => {
    const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
    if (!result.ok) throw new Error('refused');
    const intro = result.definition.pages[0].elements[0];
    expect(htmlOf(intro)).toBe(
      '<h3>Before you start</h3><p>Answer <strong>every</strong> question for the system as it will be deployed.</p>',
    );
    expect(htmlOf(intro, 'fr')).toMatch(/^<h3>Avant de commencer<\/h3>/);
  });

  it('leaves out a panel title hidden with titleLocation "hidden", as SurveyJS does, and keeps its description', () => {
    const panel = { type: 'panel', name: 'fleet', title: 'Vehicles', description: 'About the fleet.', elements: [] };
    expect(panelHeadingOf(panel)).toBe('<p><strong>Vehicles</strong></p><p>About the fleet.</p>');
    expect(panelHeadingOf({ ...panel, titleLocation: 'hidden' })).toBe('<p>About the fleet.</p>');
  });

  it('gives each question the html blocks just before it as its lead-in', () => {
    const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
    if (!result.ok) throw new Error('refused');
    const leadIns = leadInsOf(result.definition, 'fr');
    expect([...leadIns.keys()]).toEqual(['decisionType', 'dataKinds', 'humanReview']);
    expect(leadIns.get('dataKinds')).toBe(
      '<p>Les questions suivantes portent uniquement sur les <em>données personnelles</em>.</p>',
    );
  });
});

describe('SurveyJS features Probity does not run are refused by name', () => {
  const refused = (element: Record<string, unknown>, root: Record<string, unknown> = {}) => {
    const result = importQuestionnaire({ ...root, pages: [{ name: 'p', elements: [element] }] });
    if (result.ok) throw new Error('accepted');
    return result.errors;
  };

  it.each([
    [
      'matrixdynamic',
      'Question "systems" is a "matrixdynamic" (a table whose rows the respondent adds), which Probity cannot yet show, check or score; use a "matrix" with fixed rows, or a "comment" asking for one row per line instead',
    ],
    [
      'matrixdropdown',
      'Question "systems" is a "matrixdropdown" (a table with a dropdown or text box in each cell), which Probity cannot yet show, check or score; use a "matrix" (one choice per row, points per column) or one question per column instead',
    ],
    [
      'paneldynamic',
      'Question "systems" is a "paneldynamic" (a panel the respondent repeats), which Probity cannot yet show, check or score; use a "panel" repeated a fixed number of times (e.g. "First system", "Second system", each shown with visibleIf), or a "comment" asking for one item per line instead',
    ],
  ])('refuses a %s question, naming the question and what to use instead', (type, message) => {
    expect(refused({ type, name: 'systems' })).toEqual([{ path: '$.pages[0].elements[0].type', message }]);
  });

  it.each([
    ['multipletext', /^Question "q" is a "multipletext" .*; use one "text" question per box instead$/],
    ['ranking', /^Question "q" is a "ranking" question, .*; use one "dropdown" per rank/],
    ['imagepicker', /^Question "q" is an "imagepicker" question, .*; use a "radiogroup" or "checkbox"/],
    ['signaturepad', /^Question "q" is a "signaturepad" question, .*; use a "file" question/],
    ['slider', /^Question "q" is a "slider" question, .*; use a "text" question with inputType "number"/],
  ])('refuses a %s question, naming it', (type, message) => {
    expect(refused({ type, name: 'q' })).toEqual([
      { path: '$.pages[0].elements[0].type', message: expect.stringMatching(message) },
    ]);
  });

  it('refuses a dynamic panel nested in a panel by its own name', () => {
    const nested = { type: 'panel', name: 'group', elements: [{ type: 'paneldynamic', name: 'vehicles' }] };
    expect(refused(nested)).toEqual([
      {
        path: '$.pages[0].elements[0].elements[0].type',
        message: expect.stringMatching(/^Question "vehicles" is a "paneldynamic"/),
      },
    ]);
  });

  it.each([
    ['validators', [{ type: 'numeric', minValue: 1 }], /question validators/],
    ['setValueIf', '{a} = 1', /setValueIf/],
    ['defaultValueExpression', 'today()', /default answers computed/],
    ['choicesFromQuestion', 'other', /choicesFromQuestion/],
  ])('refuses %s on a question, naming it', (property, value, message) => {
    expect(refused({ type: 'text', name: 'q', [property]: value })).toEqual([
      { path: `$.pages[0].elements[0].${property}`, message: expect.stringMatching(message) },
    ]);
  });

  it('refuses triggers and an unknown choicesOrder', () => {
    expect(
      refused({ type: 'radiogroup', name: 'q', choices: ['a'], choicesOrder: 'alphabetical' }, { triggers: [] }),
    ).toEqual([
      { path: '$.pages[0].elements[0].choicesOrder', message: 'choicesOrder must be none, asc, desc or random' },
      { path: '$.triggers', message: expect.stringMatching(/^"triggers": Probity does not run SurveyJS triggers/) },
    ]);
  });

  it.each([
    ['isRequired', true],
    ['requiredIf', '{a} = 1'],
  ])(
    'refuses %s on a panel by name, saying to put it on its questions (regression: silently ignored)',
    (property, value) => {
      const panel = { type: 'panel', name: 'group', [property]: value, elements: [{ type: 'text', name: 'a' }] };
      expect(refused(panel)).toEqual([
        {
          path: `$.pages[0].elements[0].${property}`,
          message: `Panel "group" has "${property}": Probity does not support a required panel (one of its questions must be answered); put "isRequired" or "requiredIf" on the panel's questions instead`,
        },
      ]);
    },
  );

  it('refuses requiredIf on a page by name (regression: silently ignored)', () => {
    const result = importQuestionnaire({
      pages: [{ name: 'p', requiredIf: '{a} = 1', elements: [{ type: 'text', name: 'a' }] }],
    });
    expect(!result.ok && result.errors).toEqual([
      {
        path: '$.pages[0].requiredIf',
        message:
          'Page "p" has "requiredIf": Probity does not support a required page (one of its questions must be answered); put "isRequired" or "requiredIf" on the page\'s questions instead',
      },
    ]);
  });

  it('refuses an unknown titleLocation and a hidden questionTitleLocation, naming what to use instead', () => {
    expect(refused({ type: 'text', name: 'q', titleLocation: 'invisible' })).toEqual([
      {
        path: '$.pages[0].elements[0].titleLocation',
        message: 'titleLocation "invisible" is not one of default, top, bottom, left or hidden',
      },
    ]);
    expect(refused({ type: 'text', name: 'q' }, { questionTitleLocation: 'hidden' })).toEqual([
      {
        path: '$.questionTitleLocation',
        message: expect.stringMatching(
          /^"questionTitleLocation": "hidden" .* set "titleLocation": "hidden" on each question/,
        ),
      },
    ]);
  });

  it('warns that a title placed left or below is shown above its answer', () => {
    const result = importQuestionnaire({
      pages: [
        { name: 'p', elements: [{ type: 'text', name: 'q', titleLocation: 'left', principle: 'accountability' }] },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual({
      path: '$.pages[0].elements[0].titleLocation',
      message:
        'titleLocation "left" is shown as "top": Probity puts every title above its answer, where a phone has room for it',
    });
  });

  it('gives the warnings beside the errors when it refuses', () => {
    const result = importQuestionnaire({
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'q' },
            { type: 'slider', name: 's' },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      '$.pages[0].elements[0]',
      '$.pages[0].elements[1]',
    ]);
  });
});

describe('export gives the instrument back', () => {
  it('exports an imported third-party questionnaire as it came, up to key order', () => {
    const result = importQuestionnaire(THIRD_PARTY_ASSESSMENT_JSON);
    if (!result.ok) throw new Error('refused');
    expect(JSON.parse(exportQuestionnaire(result.definition))).toEqual(JSON.parse(THIRD_PARTY_ASSESSMENT_JSON));
  });

  it.each(BUILT_IN_QUESTIONNAIRES.map((builtIn) => [builtIn.key, builtIn.definition] as const))(
    'exporting %s and importing it again gives the same content hash',
    (_key, definition) => {
      const again = importQuestionnaire(exportQuestionnaire(definition));
      if (!again.ok) throw new Error(JSON.stringify(again.errors));
      expect(contentHash(again.definition)).toBe(contentHash(definition));
    },
  );
});
