/** A capturing `CliIo` and a runner for `main([...])`, for the CLI tests. */
import { main } from '../../../electron/cli/main.ts';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const join = (parts: string[]) => parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
  return { code, stdout: join(out), stderr: join(err) };
}

/** Exit 1 with exactly one line on stderr and nothing on stdout. */
export function expectRefusal(r: Run): string {
  if (r.code !== 1 || r.stdout !== '' || r.stderr.trimEnd().split('\n').length !== 1) {
    throw new Error(`expected a one-line refusal, got ${JSON.stringify(r)}`);
  }
  return r.stderr.trimEnd();
}
