import { describe, expect, it } from 'vitest';
import { fold } from '../../../electron/common/fold.ts';

describe('search folding (one function for the index and the screen)', () => {
  it('drops case and accents and spells out the letters Unicode does not decompose', () => {
    expect(fold('Œuvrard')).toBe('oeuvrard');
    expect(fold('Müller-Strauß')).toBe('muller-strauss');
    expect(fold('Ørsted Łukasz Đorđević')).toBe('orsted lukasz dordevic');
    expect(fold('Þór Ðaníel İsmail ı')).toBe('thor daniel ismail i');
    expect(fold('Hélène DUPONT')).toBe('helene dupont');
  });
});
