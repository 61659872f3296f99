import { describe, expect, it } from 'vitest';
import { HospitalLayout, WARD_TEMPLATES, partName } from '../../../electron/cli/demo/hospital.ts';

describe('the demo hospital layout', () => {
  it('names the extra units of a big ward like a hospital would', () => {
    expect(partName('Médecine interne 3B', 0)).toBe('Médecine interne 3B');
    expect(partName('Médecine interne 3B', 1)).toBe('Médecine interne 3C');
    expect(partName('Interne Geneeskunde 5', 2)).toBe('Interne Geneeskunde 7');
    expect(partName('Gériatrie', 1)).toBe('Gériatrie 2');
    expect(partName('Chirurgie 2A', 30)).toBe('Chirurgie 2A 31');
  });

  it('splits wards so none has more than 30 beds, with room for everyone admitted', () => {
    const admitted = WARD_TEMPLATES.map((_, t) => (t === 0 ? 100 : 5));
    const layout = new HospitalLayout(admitted);
    const internal = layout.units.filter((u) => u.template === 0);
    expect(internal.map((u) => u.name)).toEqual([
      'Médecine interne 3B',
      'Médecine interne 3C',
      'Médecine interne 3D',
      'Médecine interne 3E',
    ]);
    expect(internal.every((u) => u.beds <= 30)).toBe(true);
    expect(internal.reduce((sum, u) => sum + u.beds, 0)).toBeGreaterThanOrEqual(100);
  });

  it('gives every admitted patient a different bed', () => {
    const layout = new HospitalLayout(WARD_TEMPLATES.map(() => 40));
    const beds = WARD_TEMPLATES.flatMap((_, t) =>
      Array.from({ length: 40 }, (__, order) => layout.bedFor(t, order).bedId),
    );
    expect(new Set(beds).size).toBe(beds.length);
  });
});
