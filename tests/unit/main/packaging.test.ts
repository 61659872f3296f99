/**
 * What a packaged laptop build carries of sodium-native: only its own platform's binaries. The
 * builder's patterns are read as the builder reads them (its YAML reader, minimatch with `dot`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as {
  minimatch(path: string, pattern: string, options: { dot: boolean }): boolean;
};

type Patterns = { files?: string[] };
type Config = Patterns & Record<'win' | 'mac' | 'linux', Patterns>;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

/** The prebuilt directories sodium-native ships, as installed. */
const prebuilds = readdirSync('node_modules/sodium-native/prebuilds');

/** The directories a build for `platform` keeps: none of the exclusions (`!…`) matches them. */
function kept(platform: 'win' | 'mac' | 'linux'): string[] {
  const exclusions = [...(config.files ?? []), ...(config[platform].files ?? [])]
    .filter((p) => p.startsWith('!'))
    .map((p) => p.slice(1));
  return prebuilds.filter((dir) => {
    const file = `node_modules/sodium-native/prebuilds/${dir}/sodium-native.node`;
    return !exclusions.some((pattern) => minimatch(file, pattern, { dot: true }));
  });
}

describe('sodium-native in a packaged build', () => {
  it('ships binaries for more platforms than any one laptop needs', () => {
    expect(prebuilds).toEqual(expect.arrayContaining(['win32-x64', 'darwin-arm64', 'linux-x64']));
    expect(prebuilds.some((d) => d.startsWith('android-'))).toBe(true);
  });

  it.each([
    ['win', 'win32'],
    ['mac', 'darwin'],
    ['linux', 'linux'],
  ] as const)('a %s build keeps only its own %s binaries', (platform, node) => {
    const keeps = kept(platform);
    expect(keeps.length).toBeGreaterThan(0);
    expect(keeps.every((dir) => dir.startsWith(`${node}-`))).toBe(true);
    expect(keeps).toEqual(prebuilds.filter((dir) => dir.startsWith(`${node}-`)));
  });
});
