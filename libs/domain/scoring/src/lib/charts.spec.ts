import { SaxesParser } from 'saxes';
import { INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import { escapeXml, formatScore, heatMap, principleBarChart, principleRadarChart } from './charts';

interface SvgNode {
  name: string;
  attributes: Record<string, string>;
  children: SvgNode[];
  text: string;
}

/** Parses with a strict XML parser: a chart that is not well-formed XML fails here. */
function parseSvg(svg: string): SvgNode {
  const parser = new SaxesParser();
  const stack: SvgNode[] = [];
  let root: SvgNode | undefined;
  parser.on('opentag', (tag) => {
    const node: SvgNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    for (const open of stack) open.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(svg).close();
  if (!root) throw new Error('no root element');
  return root;
}

function all(node: SvgNode, name: string): SvgNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => all(child, name))];
}

/** The accessible name and description, resolved the way assistive technology does. */
function accessible(root: SvgNode) {
  const [titleId, descId] = root.attributes['aria-labelledby'].split(' ');
  const byId = (id: string) =>
    all(root, 'title')
      .concat(all(root, 'desc'))
      .find((n) => n.attributes.id === id);
  return { title: byId(titleId)?.text, desc: byId(descId)?.text };
}

const HOSTILE = '<script>alert("x")</script> & Co \u0001\uD800';

describe('chart text', () => {
  it('escapes markup and replaces characters XML forbids', () => {
    expect(escapeXml('<a href="x">O\'Neil & Sons</a>')).toBe(
      '&lt;a href=&quot;x&quot;&gt;O&apos;Neil &amp; Sons&lt;/a&gt;',
    );
    expect(escapeXml('bad\u0000\u001Fend \uD83D\uDE00')).toBe('bad\uFFFD\uFFFDend \uD83D\uDE00');
  });

  it('prints scores with one decimal at most and n/a for none', () => {
    expect([
      formatScore(80),
      formatScore(79.56),
      formatScore(62.5),
      formatScore(null),
      formatScore(Number.NaN),
    ]).toEqual(['80', '79.6', '62.5', 'n/a', 'n/a']);
  });
});

describe('principleBarChart', () => {
  const series = [
    { name: HOSTILE, values: { lawfulness: 50, fairness: null, 'human-autonomy': 79.56 } },
    { name: 'Beta Analytics', values: { lawfulness: 100, fairness: 20, 'human-autonomy': 130 } },
  ];
  const svg = principleBarChart(series, 'Scores by core principle');
  const root = parseSvg(svg);

  it('is a well-formed, labelled image whose description states every number', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes.role).toBe('img');
    const { title, desc } = accessible(root);
    expect(title).toBe('Scores by core principle');
    expect(desc).toContain(`${HOSTILE.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD')}: Lawfulness 50`);
    expect(desc).toContain('Human autonomy 79.6');
    expect(desc).toContain('Fairness n/a');
    expect(desc).toContain('Beta Analytics: Lawfulness 100, Minimization of harm n/a, Human autonomy 130');
  });

  it('never lets a provider name become markup', () => {
    expect(svg).not.toContain('<script');
    expect(all(root, 'script')).toHaveLength(0);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });

  it('draws bars in proportion, clamped to the scale, with the value printed beside each', () => {
    // bar rects carry a tooltip; the plot is 720 − 230 − 50 = 440 wide
    const bars = all(root, 'rect').filter((rect) => rect.children.some((child) => child.name === 'title'));
    const width = (tooltipStart: string) =>
      Number(bars.find((bar) => bar.children[0].text.startsWith(tooltipStart))?.attributes.width);
    expect(width('Beta Analytics, Lawfulness')).toBe(440);
    expect(width('Beta Analytics, Human autonomy')).toBe(440);
    expect(width('Beta Analytics, Fairness')).toBe(88);
    expect(bars).toHaveLength(5 * 2);
    const printed = all(root, 'text').map((t) => t.text);
    expect(printed).toEqual(expect.arrayContaining(['50', '100', '79.6', '130', 'n/a', '20']));
  });

  it('can chart the 17 instrumental principles, or one provider alone', () => {
    const instrumental = parseSvg(
      principleBarChart([{ name: 'Solo', values: { accuracy: 40 } }], 'Solo by instrumental principle', {
        level: 'instrumental',
      }),
    );
    const labels = all(instrumental, 'text').map((t) => t.text);
    for (const principle of INSTRUMENTAL_PRINCIPLES) expect(labels).toContain(principle.name);
    expect(accessible(instrumental).desc).toContain('Accuracy 40, Efficiency n/a');
  });

  it('is deterministic, with ids distinct per chart', () => {
    expect(principleBarChart(series, 'Scores by core principle')).toBe(svg);
    const other = parseSvg(principleBarChart(series, 'Another title'));
    expect(other.attributes['aria-labelledby']).not.toBe(root.attributes['aria-labelledby']);
  });
});

describe('principleRadarChart', () => {
  const root = parseSvg(
    principleRadarChart({ lawfulness: 50, 'minimization-of-harm': 150, 'human-autonomy': 80, fairness: null }, 'A & B'),
  );

  it('labels one axis per core principle with its value, n/a where there is none', () => {
    const labels = all(root, 'text').map((t) => t.text);
    expect(labels).toEqual([
      'Lawfulness 50',
      'Minimization of harm 150',
      'Human autonomy 80',
      'Fairness n/a',
      'Good governance n/a',
    ]);
    expect(accessible(root)).toEqual({
      title: 'A & B',
      desc: 'Lawfulness 50, Minimization of harm 150, Human autonomy 80, Fairness n/a, Good governance n/a',
    });
  });

  it('draws only scored principles into the shape, clamped to the outer ring', () => {
    const shape = all(root, 'polygon').find((p) => p.attributes.fill === '#0b4f8a')!;
    const vertices = shape.attributes.points.split(' ');
    expect(vertices).toHaveLength(3);
    // lawfulness points straight up from the centre (300, 165): 50 → 60 px of the 120 px radius
    expect(vertices[0]).toBe('300,105');
    // 150 is drawn at 100, on the outer ring
    const outerRing = all(root, 'polygon')[3].attributes.points.split(' ');
    expect(vertices[1]).toBe(outerRing[1]);
    expect(all(root, 'circle')).toHaveLength(3);
  });
});

describe('heatMap', () => {
  const columns = [
    { id: 'accuracy', name: 'Accuracy' },
    { id: 'privacy', name: 'Privacy' },
  ];
  const svg = heatMap(
    [
      { name: HOSTILE, values: { accuracy: 0, privacy: 100 } },
      { name: 'A very long provider name that would overflow its column', values: { accuracy: 55.55 } },
    ],
    columns,
    'Providers × instrumental principles',
  );
  const root = parseSvg(svg);

  it('prints every cell value and shades it, grey for no score', () => {
    const cells = all(root, 'rect').map((rect) => rect.attributes.fill);
    expect(cells).toEqual(['hsl(0, 55%, 80%)', 'hsl(120, 55%, 80%)', 'hsl(67, 55%, 80%)', '#eeeeee']);
    const values = all(root, 'text')
      .filter((t) => t.attributes['text-anchor'] === 'middle')
      .map((t) => t.text);
    expect(values).toEqual(['0', '100', '55.6', 'n/a']);
  });

  it('shortens long row labels but keeps the full, escaped name in a tooltip and the description', () => {
    const rowLabels = all(root, 'text').filter((t) => t.attributes.x === '0');
    expect(rowLabels[1].text).toContain('A very long provider name…');
    expect(rowLabels[1].children[0].text).toBe('A very long provider name that would overflow its column');
    expect(accessible(root).desc).toContain(
      'A very long provider name that would overflow its column: Accuracy 55.6, Privacy n/a',
    );
    expect(svg).not.toContain('<script');
  });
});
