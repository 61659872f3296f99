/**
 * `import`: the demo hospital's FHIR NDJSON → the plaintext SQLite image of an export
 * (`buildImage`, as `downtime export` runs it), against the least any importer must do with
 * the same bytes: stream every file in 1 MiB chunks, split the lines, `JSON.parse` each one.
 */
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildImage } from '../../../electron/core/export/pipeline.ts';
import { AS_OF, type Fixture } from '../fixture.ts';
import { medianRow, type Row } from '../row.ts';
import { sideBySide, type Repeat } from '../stats.ts';

async function parseEveryLine(file: string): Promise<number> {
  let lines = 0;
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const line =
        pending.length === 0
          ? chunk.toString('utf8', start, nl)
          : Buffer.concat([...pending, chunk.subarray(start, nl)]).toString('utf8');
      pending = [];
      if (line.length > 0) {
        JSON.parse(line);
        lines++;
      }
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    JSON.parse(Buffer.concat(pending).toString('utf8'));
    lines++;
  }
  return lines;
}

export async function measureImport(fixture: Fixture, repeat: Repeat): Promise<Row> {
  const files = readdirSync(fixture.fhirDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ndjson'))
    .map((e) => join(e.parentPath, e.name));
  let resources = 0;
  const measured = await sideBySide(
    repeat,
    {
      run: async () => {
        const { image } = await buildImage([fixture.fhirDir], { asOf: AS_OF, demo: true });
        image.fill(0);
      },
    },
    {
      run: async () => {
        resources = 0;
        for (const file of files) resources += await parseEveryLine(file);
      },
    },
  );
  const mb = (fixture.sizes.fhir / 1024 ** 2).toFixed(0);
  return medianRow(
    'import',
    fixture.scale,
    'ms',
    measured,
    `${mb} MiB, ${resources.toLocaleString('en')} resources`,
  );
}
