/**
 * Lines, drains and devices in place (DeviceUseStatement + Device): what the ward kind calls
 * for, placed during the stay, a few days before `asOf` at most. Some Devices are written as
 * their own resource and referenced, others contained in the statement, as real sources do.
 */
import type { Text } from './catalog.ts';
import { DAY_MS, HOUR_MS, type PatientContext } from './context.ts';
import { SYSTEMS, concept, iso, ref } from './fhir.ts';
import type { WardKind } from './hospital.ts';

interface DeviceKind {
  readonly key: string;
  /** SNOMED CT, only where the code is the device itself; otherwise the type is text only. */
  readonly snomed?: { readonly code: string; readonly display: string };
  readonly type: Text;
  readonly name?: string;
  readonly sites: readonly Text[];
  readonly note?: Text;
}

const PICC: DeviceKind = {
  key: 'picc',
  snomed: { code: '52124006', display: 'Central venous catheter' },
  type: { fr: 'Cathéter PICC', nl: 'PICC-lijn', de: 'PICC-Katheter' },
  name: 'PowerPICC 4 Fr',
  sites: [
    { fr: 'bras gauche', nl: 'linkerarm', de: 'linker Arm' },
    { fr: 'bras droit', nl: 'rechterarm', de: 'rechter Arm' },
  ],
  note: {
    fr: 'Rinçage NaCl 10 mL / 8 h',
    nl: 'Spoelen NaCl 10 mL / 8 u',
    de: 'Spülen NaCl 10 mL / 8 Std.',
  },
};

const CENTRAL: DeviceKind = {
  key: 'cvc',
  snomed: { code: '52124006', display: 'Central venous catheter' },
  type: { fr: 'Cathéter veineux central', nl: 'Centraal veneuze katheter', de: 'ZVK' },
  name: 'CVC 3 lumières 7 Fr',
  sites: [
    {
      fr: 'jugulaire interne droite',
      nl: 'vena jugularis interna rechts',
      de: 'V. jugularis interna rechts',
    },
    { fr: 'sous-clavière gauche', nl: 'vena subclavia links', de: 'V. subclavia links' },
  ],
};

const URINARY: DeviceKind = {
  key: 'uc',
  snomed: { code: '20568009', display: 'Urinary catheter' },
  type: { fr: 'Sonde urinaire à demeure', nl: 'Verblijfskatheter', de: 'Blasenkatheter' },
  name: 'Foley CH 14',
  sites: [{ fr: 'urètre', nl: 'urethra', de: 'Harnröhre' }],
  note: {
    fr: 'Diurèse horaire',
    nl: 'Diurese per uur',
    de: 'Stündliche Diurese',
  },
};

const PERIPHERAL: DeviceKind = {
  key: 'piv',
  type: {
    fr: 'Cathéter veineux périphérique',
    nl: 'Perifere infuus',
    de: 'Periphere Venenverweilkanüle',
  },
  name: '20 G',
  sites: [
    { fr: 'avant-bras gauche', nl: 'linkervoorarm', de: 'linker Unterarm' },
    { fr: 'dos de la main droite', nl: 'rechterhandrug', de: 'rechter Handrücken' },
  ],
  note: {
    fr: 'À changer après 96 h',
    nl: 'Vervangen na 96 u',
    de: 'Nach 96 Std. wechseln',
  },
};

const DRAIN: DeviceKind = {
  key: 'drain',
  type: { fr: 'Drain de Redon', nl: 'Redon-drain', de: 'Redon-Drainage' },
  sites: [
    { fr: 'plaie opératoire', nl: 'operatiewonde', de: 'Operationswunde' },
    { fr: 'genou droit', nl: 'rechterknie', de: 'rechtes Knie' },
  ],
  note: {
    fr: 'Noter le volume à chaque tour',
    nl: 'Volume noteren bij elke ronde',
    de: 'Menge bei jeder Runde notieren',
  },
};

/** Every kind the demo places (its texts are the demo's own words, read by the language scan). */
export const DEVICE_KINDS: readonly DeviceKind[] = [PICC, CENTRAL, URINARY, PERIPHERAL, DRAIN];

/** What a ward kind's patients may have in place, with the chance of each. */
const BY_WARD: Readonly<Record<WardKind, readonly (readonly [DeviceKind, number])[]>> = {
  icu: [
    [CENTRAL, 0.8],
    [URINARY, 0.7],
    [PERIPHERAL, 0.5],
  ],
  surgery: [
    [PERIPHERAL, 0.5],
    [DRAIN, 0.35],
    [URINARY, 0.15],
  ],
  medicine: [
    [PERIPHERAL, 0.35],
    [PICC, 0.08],
  ],
  geriatrics: [
    [PERIPHERAL, 0.2],
    [URINARY, 0.12],
  ],
  cardiology: [[PERIPHERAL, 0.4]],
  pediatrics: [[PERIPHERAL, 0.3]],
};

export function emitDevices(ctx: PatientContext): void {
  const { rng } = ctx;
  for (const [kind, chance] of BY_WARD[ctx.kind]) {
    if (!rng.chance(chance)) continue;
    const placed = Math.max(
      ctx.admittedAt + 30 * 60_000,
      ctx.asOf - rng.int(1, 5) * DAY_MS - rng.int(0, 23) * HOUR_MS,
    );
    if (placed >= ctx.asOf) continue;
    const deviceId = `${ctx.id}-dev-${kind.key}`;
    const device = {
      resourceType: 'Device',
      id: deviceId,
      status: 'active',
      type: kind.snomed
        ? concept(SYSTEMS.snomed, kind.snomed.code, kind.snomed.display, kind.type[ctx.lang])
        : { text: kind.type[ctx.lang] },
      ...(kind.name ? { deviceName: [{ name: kind.name, type: 'user-friendly-name' }] } : {}),
    };
    const contained = rng.chance(0.4);
    if (!contained) ctx.emit({ ...device, patient: ctx.subject });
    ctx.emit({
      resourceType: 'DeviceUseStatement',
      id: `${ctx.id}-dus-${kind.key}`,
      status: 'active',
      ...(contained ? { contained: [{ ...device, id: kind.key }] } : {}),
      subject: ctx.subject,
      device: contained ? { reference: `#${kind.key}` } : ref('Device', deviceId),
      bodySite: { text: rng.pick(kind.sites)[ctx.lang] },
      timingPeriod: { start: iso(placed) },
      recordedOn: iso(placed),
      ...(kind.note ? { note: [{ text: kind.note[ctx.lang] }] } : {}),
    });
  }
}
