/**
 * Manifest format 3: the signed header names the site (null when the source names none) and
 * each ward of the scope with its site, so the unlock screen lists ward names before any key
 * is used. An older viewer meets a new number and says so ("format 3 … update the Downtime
 * Viewer") instead of failing on a field; this viewer refuses a format 2 manifest by its
 * number — its data is schema 4 or older, which this viewer does not open either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockWards } from '../../../renderer/lib/unlock-wards.ts';
import { wordsTranslator } from '../../../electron/common/words/index.ts';
import { imageOf, sealExport } from '../../../electron/core/export/pipeline.ts';
import { readFhir } from '../../../electron/core/fhir/import.ts';
import { verifyExport } from '../../../electron/core/format/dtx.ts';
import { generateSiteKey } from '../../../electron/core/keys/site-key.ts';
import { generateDeviceIdentity } from '../../../electron/core/keys/device-identity.ts';
import { MANIFEST_FORMAT, type ManifestWard } from '../../../electron/core/model.ts';
import { fullManifest, signedContainer, trustOf } from '../format/helpers.ts';
import { AS_OF, type Resource, smallHospital, writeBundle } from '../fhir/small-hospital.ts';

const siteKey = generateSiteKey();
const trust = trustOf(siteKey);

/** A stay on a ward Location that has no name: its ward is named by no one. */
const UNNAMED_WARD: Resource[] = [
  { resourceType: 'Location', id: 'w-nameless', physicalType: { coding: [{ code: 'wa' }] } },
  {
    resourceType: 'Patient',
    id: 'p-x',
    identifier: [{ value: 'MRN-X' }],
    name: [{ family: 'Nomad' }],
  },
  {
    resourceType: 'Encounter',
    id: 'e-x',
    status: 'in-progress',
    class: { code: 'IMP' },
    subject: { reference: 'Patient/p-x' },
    period: { start: '2026-11-27T10:00:00+01:00' },
    location: [{ location: { reference: 'Location/w-nameless' } }],
  },
];

let wards: ManifestWard[];
let cleanup: () => void;
beforeAll(async () => {
  const bundle = writeBundle([...smallHospital(), ...UNNAMED_WARD]);
  cleanup = bundle.cleanup;
  const input = await readFhir([bundle.file], { asOf: AS_OF });
  const { image } = imageOf(input, { wards: ['w3b', 'w2a', 'w-nameless'] });
  const device = await generateDeviceIdentity();
  const { bytes } = await sealExport({
    image,
    sequence: 3,
    createdAt: AS_OF,
    recipients: [device.recipient],
    siteKey,
  });
  ({
    manifest: {
      scope: { wards },
    },
  } = verifyExport(bytes, trust));
});
afterAll(() => cleanup());

describe('a format 3 manifest', () => {
  it('round-trips the scope wards with their names and their sites, a nameless ward as null', () => {
    expect(MANIFEST_FORMAT).toBe(3);
    expect(wards).toEqual([
      { id: 'w-nameless', name: null, siteId: 'unknown-site', siteName: null },
      { id: 'w2a', name: 'Chirurgie 2A', siteId: 'site-nord', siteName: 'Site Nord' },
      { id: 'w3b', name: 'Médecine interne 3B', siteId: 'site-nord', siteName: 'Site Nord' },
    ]);
  });

  it('is what the unlock screen lists: names, the placeholder for the nameless one last, no ids', () => {
    const t = wordsTranslator('fr');
    expect(unlockWards(t, wards).map((w) => [w.label, w.id])).toEqual([
      ['Chirurgie 2A', null],
      ['Médecine interne 3B', null],
      [t('placeholder.ward'), null],
    ]);
  });
});

describe('manifests of another format are refused by their number, with a sentence', () => {
  const refusal = (format: number) => {
    const container = signedContainer(
      fullManifest({ format, scope: { wards: ['w3b'] }, site: { id: 's', name: null } }),
      siteKey,
      Buffer.from('x'),
    );
    try {
      verifyExport(container, trust);
      return null;
    } catch (e) {
      return e as { kind: string; message: string };
    }
  };

  it('format 2 (ward ids only, from an older exporter): ask IT for a fresh export', () => {
    const error = refusal(2);
    expect(error?.kind).toBe('unsupported-version');
    expect(error?.message).toBe(
      "This export's manifest is in format 2, from an exporter older than this viewer reads (3) — ask IT for a fresh export.",
    );
  });

  it('a newer format: update the viewer (what a format 2 viewer says of format 3)', () => {
    const error = refusal(MANIFEST_FORMAT + 1);
    expect(error?.kind).toBe('unsupported-version');
    expect(error?.message).toMatch(/format 4, which this viewer does not read — update/);
  });
});

describe('the unlock screen tells wards of one name apart', () => {
  const t = wordsTranslator('nl');
  const ward = (id: string, name: string | null, siteId: string, siteName: string | null) => ({
    id,
    name,
    siteId,
    siteName,
  });

  it('by their site when the sites differ', () => {
    expect(
      unlockWards(t, [
        ward('w-namur-3b', 'Interne geneeskunde', 'namur', 'Namen'),
        ward('w-leuven-3b', 'Interne Geneeskunde', 'leuven', 'Leuven'),
      ]).map((w) => [w.label, w.id]),
    ).toEqual([
      ['Interne Geneeskunde — Leuven', null],
      ['Interne geneeskunde — Namen', null],
    ]);
  });

  it('site by site, each by name with its numbers in order, whatever the ids say', () => {
    expect(
      unlockWards(t, [
        ward('a-1', '10B', 'namur', 'Namen'),
        ward('a-2', 'Spoed', 'leuven', 'Leuven'),
        ward('a-3', '2A', 'namur', 'Namen'),
        ward('a-4', null, 'leuven', 'Leuven'),
        ward('a-5', 'Kinderafdeling', 'leuven', 'Leuven'),
        ward('a-6', 'Dialyse', 'elsewhere', null),
      ]).map((w) => w.label),
    ).toEqual(['Kinderafdeling', 'Spoed', t('placeholder.ward'), '2A', '10B', 'Dialyse']);
  });

  it('by their id, shown apart, only when name and site are the same', () => {
    expect(
      unlockWards(t, [
        ward('ward-namur-3B', '3B', 'namur', 'Namen'),
        ward('ward-namur-3B-bis', '3B', 'namur', 'Namen'),
        ward('ward-namur-4', '4', 'namur', 'Namen'),
      ]).map((w) => [w.label, w.id]),
    ).toEqual([
      ['3B — Namen', 'ward-namur-3B'],
      ['3B — Namen', 'ward-namur-3B-bis'],
      ['4', null],
    ]);
  });
});

describe('a large hospital group in the signed header', () => {
  it('names 1,500 wards with their sites (about 190 KB, past format 2’s 64 KiB) and verifies', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      id: `ward-site-${i % 12}-${i}`,
      name: `Médecine interne et gériatrie ${i}`,
      siteId: `site-${i % 12}`,
      siteName: `Centre hospitalier régional, site ${i % 12}`,
    }));
    const container = signedContainer(
      fullManifest({ scope: { wards: many } }),
      siteKey,
      Buffer.from('x'),
    );
    expect(container.length).toBeGreaterThan(128 * 1024);
    expect(verifyExport(container, trust).manifest.scope.wards).toEqual(many);
  });
});
