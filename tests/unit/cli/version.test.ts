/** `downtime --version`: the version of package.json, the commit, the export format and schema. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/core/schema-version.ts';
import { MANIFEST_FORMAT } from '../../../electron/core/model.ts';
import { run } from './capture.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('downtime --version', () => {
  test('names the package.json version, the commit, the export format and the data schema', async () => {
    const r = await run('--version');
    expect(r.code, r.stderr).toBe(0);
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
    expect(r.stdout.split('\n')).toEqual([
      `downtime ${pkg.version}`,
      expect.stringMatching(new RegExp(`^commit ${head}(-modified)?$`)),
      `export format ${MANIFEST_FORMAT}, data schema ${SCHEMA_VERSION}`,
      `node ${process.versions.node}`,
      '',
    ]);
  });
});
