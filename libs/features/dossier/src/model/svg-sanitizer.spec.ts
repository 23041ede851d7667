import { heatMap, principleBarChart, principleRadarChart } from '@probity/scoring';
import { sanitiseSvg } from './svg-sanitizer';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('sanitiseSvg', () => {
  it('removes <script> elements with their content, in any case and nesting', () => {
    const clean = sanitiseSvg(
      '<svg viewBox="0 0 10 10"><script>alert(1)</script><g><SCRIPT type="text/javascript">fetch("x")</SCRIPT><rect width="1" height="1"/></g></svg>',
    );
    expect(clean).toBe('<svg viewBox="0 0 10 10"><g><rect width="1" height="1" /></g></svg>');
    expect(clean).not.toMatch(/alert|fetch|script/i);
  });

  it('removes every on* event handler attribute', () => {
    const clean = sanitiseSvg(
      '<svg onload="alert(1)" viewBox="0 0 1 1"><rect onclick="x()" onmouseover="y()" OnFocus="z()" width="1"/><text onbegin="w()">t</text></svg>',
    );
    expect(clean).toBe('<svg viewBox="0 0 1 1"><rect width="1" /><text>t</text></svg>');
  });

  it('removes links and javascript:/data: URLs wherever they hide', () => {
    const clean = sanitiseSvg(
      [
        '<svg viewBox="0 0 1 1">',
        '<a href="javascript:alert(1)"><text>click</text></a>',
        '<a xlink:href="javascript:alert(2)"><rect width="2"/></a>',
        '<rect fill="url(javascript:alert(3))" width="3"/>',
        '<rect fill="url(#gradient)" width="4"/>',
        '<rect class="javascript:alert(5)" width="5"/>',
        '<rect id="&#106;avascript:x" width="6"/>',
        '<image href="data:image/svg+xml;base64,PHN2Zz4=" width="7"/>',
        '<use href="#other" width="8"/>',
        '</svg>',
      ].join(''),
    );
    expect(clean).not.toMatch(/javascript|data:|url\(|href|<a\b|<image|<use/i);
    expect(clean).toContain('<text>click</text>');
    expect(count(clean, /<rect /g)).toBe(5);
  });

  it('removes <foreignObject> with its HTML content, and <style> with its CSS', () => {
    const clean = sanitiseSvg(
      '<svg viewBox="0 0 1 1"><foreignObject width="10" height="10"><p>x</p></foreignObject><FOREIGNOBJECT><p>upper</p></FOREIGNOBJECT><foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="http://evil.example"></iframe>HTML inside</div></foreignObject><style>rect{fill:url(http://evil.example/x)}</style><circle r="1"/></svg>',
    );
    expect(clean).toBe('<svg viewBox="0 0 1 1"><circle r="1" /></svg>');
  });

  it('drops style attributes, which could carry url()', () => {
    expect(sanitiseSvg('<svg><rect style="fill:url(http://evil.example)" width="1"/></svg>')).toBe(
      '<svg><rect width="1" /></svg>',
    );
  });

  it('keeps text escaped, so a title cannot close the chart', () => {
    const clean = sanitiseSvg('<svg><title>A &lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; title</title></svg>');
    expect(clean).toBe('<svg><title>A &lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt; title</title></svg>');
  });

  it('gives "" for anything without an <svg> root', () => {
    expect(sanitiseSvg(undefined)).toBe('');
    expect(sanitiseSvg('')).toBe('');
    expect(sanitiseSvg('<div>not a chart</div>')).toBe('');
    expect(sanitiseSvg('<script>alert(1)</script><svg></svg>')).toBe('<svg></svg>');
    expect(sanitiseSvg('<foreignObject><svg><rect width="1"/></svg></foreignObject>')).toBe('');
  });

  it('keeps Probity’s own charts intact: shapes, text, geometry and accessible names', () => {
    const values = {
      lawfulness: 80,
      'minimization-of-harm': 55.5,
      'human-autonomy': null,
      fairness: 90,
      'good-governance': 10,
    };
    const charts = [
      principleRadarChart(values, 'Provider <A> & co: scores by core principle'),
      principleBarChart(
        [
          { name: 'Northwind', values },
          { name: 'Helios', values: { ...values, fairness: 20 } },
        ],
        'Scores by core principle',
      ),
      heatMap(
        [{ name: 'Northwind', values: { transparency: 70, accountability: 40 } }],
        [
          { id: 'transparency', name: 'Transparency' },
          { id: 'accountability', name: 'Accountability' },
        ],
        'Scores by instrumental principle',
      ),
    ];
    for (const chart of charts) {
      const clean = sanitiseSvg(chart);
      expect(clean.startsWith('<svg')).toBe(true);
      for (const element of ['rect', 'circle', 'line', 'polyline', 'polygon', 'path', 'text', 'title', 'desc', 'g'])
        expect(count(clean, new RegExp(`<${element}[ >/]`, 'g'))).toBe(
          count(chart, new RegExp(`<${element}[ >/]`, 'g')),
        );
      for (const attribute of ['viewBox', 'role', 'aria-labelledby', 'fill', 'x', 'y', 'width', 'height'])
        expect(count(clean, new RegExp(` ${attribute}="`, 'g'))).toBe(count(chart, new RegExp(` ${attribute}="`, 'g')));
      // The same text reaches the reader.
      const text = (svg: string) => svg.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
      expect(text(clean)).toBe(text(chart));
    }
  });
});
