import { CORE_PRINCIPLES, corePrincipleOf, INSTRUMENTAL_PRINCIPLES, isInstrumentalPrincipleId } from './principles';

describe('Toolkit principles', () => {
  it('has 5 core and 17 instrumental principles, each instrumental under a known core', () => {
    expect(CORE_PRINCIPLES).toHaveLength(5);
    expect(INSTRUMENTAL_PRINCIPLES).toHaveLength(17);
    const cores = new Set<string>(CORE_PRINCIPLES.map((p) => p.id));
    for (const principle of INSTRUMENTAL_PRINCIPLES) expect(cores.has(principle.core)).toBe(true);
    expect(new Set(INSTRUMENTAL_PRINCIPLES.map((p) => p.id)).size).toBe(17);
  });

  it('maps instrumental principles to their core principle', () => {
    expect(corePrincipleOf('accuracy')).toBe('minimization-of-harm');
    expect(corePrincipleOf('traceability-auditability')).toBe('good-governance');
    expect(isInstrumentalPrincipleId('accuracy')).toBe(true);
    expect(isInstrumentalPrincipleId('speed')).toBe(false);
  });
});
