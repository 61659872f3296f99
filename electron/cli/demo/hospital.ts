/**
 * The demo hospital's buildings: three Belgian sites (French-, Dutch- and German-speaking),
 * their wards, rooms and beds as a FHIR `Location` partOf chain (bed → room → ward → site), the
 * organisations and the staff. Ward sizes follow the number of admitted patients, so the
 * hospital stays plausible (wards of at most ~30 beds, ~88 % occupied) from 10 to 30,000.
 */
import type { Language } from './names.ts';

export type WardKind = 'medicine' | 'surgery' | 'icu' | 'geriatrics' | 'cardiology' | 'pediatrics';

export interface WardTemplate {
  readonly name: string;
  /** Short unit code, used in ids and to tell a split ward's parts apart. */
  readonly code: string;
  readonly kind: WardKind;
  /** Relative share of the admitted patients. */
  readonly weight: number;
}

export interface SiteTemplate {
  readonly key: string;
  readonly name: string;
  readonly city: string;
  readonly language: Language;
  readonly wards: readonly WardTemplate[];
}

export const SITES: readonly SiteTemplate[] = [
  {
    key: 'namur',
    name: 'CHU Sainte-Élisabeth',
    city: 'Namur',
    language: 'fr',
    wards: [
      { name: 'Médecine interne 3B', code: '3B', kind: 'medicine', weight: 5 },
      { name: 'Chirurgie 2A', code: '2A', kind: 'surgery', weight: 4 },
      { name: 'Soins intensifs', code: 'SI', kind: 'icu', weight: 1.5 },
      { name: 'Gériatrie', code: 'GE', kind: 'geriatrics', weight: 3 },
      { name: 'Cardiologie 4C', code: '4C', kind: 'cardiology', weight: 3 },
      { name: 'Pédiatrie', code: 'PE', kind: 'pediatrics', weight: 2 },
    ],
  },
  {
    key: 'leuven',
    name: 'AZ Sint-Jozef',
    city: 'Leuven',
    language: 'nl',
    wards: [
      { name: 'Interne Geneeskunde 5', code: 'IG5', kind: 'medicine', weight: 4 },
      { name: 'Geriatrie', code: 'GER', kind: 'geriatrics', weight: 3 },
      { name: 'Heelkunde 3', code: 'HK3', kind: 'surgery', weight: 3 },
      { name: 'Intensieve Zorg', code: 'IZ', kind: 'icu', weight: 1 },
    ],
  },
  {
    // The East Cantons: German is the language of the ward, the chart and the paper.
    key: 'stvith',
    name: 'Klinik Hohes Venn',
    city: 'St. Vith',
    language: 'de',
    wards: [
      { name: 'Innere Medizin 1', code: 'IM1', kind: 'medicine', weight: 2 },
      { name: 'Altersmedizin', code: 'AM', kind: 'geriatrics', weight: 1 },
      { name: 'Kinderstation', code: 'KS', kind: 'pediatrics', weight: 1 },
    ],
  },
];

/** Every ward template with its site, in a fixed order (index = ward template number). */
export const WARD_TEMPLATES: readonly (WardTemplate & { readonly site: SiteTemplate })[] =
  SITES.flatMap((site) => site.wards.map((ward) => ({ ...ward, site })));

const OCCUPANCY = 0.88;

export interface Bed {
  readonly wardId: string;
  readonly roomId: string;
  readonly bedId: string;
  readonly bedName: string;
}

export interface WardUnit {
  readonly id: string;
  readonly name: string;
  readonly template: number;
  readonly beds: number;
  readonly bedsPerRoom: 1 | 2;
}

/** Wards split into units that fit, and the bed of each admitted patient by arrival order. */
export class HospitalLayout {
  readonly units: readonly WardUnit[];
  readonly #unitsByTemplate: readonly (readonly WardUnit[])[];

  /** `admittedPerTemplate[t]`: how many admitted patients ward template `t` must hold. */
  constructor(admittedPerTemplate: readonly number[]) {
    const byTemplate = WARD_TEMPLATES.map((template, t) => {
      const admitted = admittedPerTemplate[t] ?? 0;
      const maxBeds = template.kind === 'icu' ? 16 : 30;
      const capacity = Math.max(4, Math.ceil(admitted / OCCUPANCY));
      const parts = Math.ceil(capacity / maxBeds);
      const beds = Math.ceil(capacity / parts);
      return Array.from({ length: parts }, (_, part): WardUnit => {
        const code = part === 0 ? template.code : `${template.code}-${part + 1}`;
        return {
          id: `ward-${template.site.key}-${code}`,
          name: partName(template.name, part),
          template: t,
          beds,
          bedsPerRoom: template.kind === 'icu' ? 1 : 2,
        };
      });
    });
    this.#unitsByTemplate = byTemplate;
    this.units = byTemplate.flat();
  }

  /** The first unit of ward template `template` (where its discharged patients stayed). */
  firstUnitOf(template: number): WardUnit {
    const unit = this.#unitsByTemplate[template]?.[0];
    if (!unit) throw new RangeError(`no ward for template ${template}`);
    return unit;
  }

  /** The bed of the `order`-th admitted patient of ward template `template` (dealt round-robin). */
  bedFor(template: number, order: number): Bed {
    const units = this.#unitsByTemplate[template];
    const unit = units?.[order % units.length];
    if (!unit) throw new RangeError(`no ward for template ${template}`);
    return bedOf(unit, Math.floor(order / units.length));
  }
}

/**
 * The name of the `part`-th unit of a ward too big for one: the next wing letter ("Médecine
 * interne 3B" → "3C"), the next number ("Interne Geneeskunde 5" → "6"), or a number added.
 */
export function partName(name: string, part: number): string {
  if (part === 0) return name;
  const wing = /^(.*\d)([A-Z])$/.exec(name);
  const letter = (wing?.[2]?.charCodeAt(0) ?? 0) + part;
  if (wing?.[1] && letter <= 'Z'.charCodeAt(0)) return `${wing[1]}${String.fromCharCode(letter)}`;
  const numbered = /^(.*\s)(\d+)$/.exec(name);
  if (numbered?.[1] && numbered[2]) return `${numbered[1]}${Number(numbered[2]) + part}`;
  return `${name} ${part + 1}`;
}

export function roomName(unit: WardUnit, slot: number): string {
  return String(Math.floor(slot / unit.bedsPerRoom) + 1).padStart(2, '0');
}

export function bedOf(unit: WardUnit, slot: number): Bed {
  const room = roomName(unit, slot);
  const bedName = unit.bedsPerRoom === 1 ? room : `${room}${slot % 2 === 0 ? 'A' : 'B'}`;
  return {
    wardId: unit.id,
    roomId: `${unit.id}-r${room}`,
    bedId: `${unit.id}-b${bedName}`,
    bedName,
  };
}
