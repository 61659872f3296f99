/**
 * What may go into a diagnostic log about an unexpected error: its name and the code locations
 * of its stack — never its message, which can quote data (a SQL value, a file's content).
 */
export function redactedError(e: unknown): string {
  if (!(e instanceof Error)) return `non-error thrown (${typeof e})`;
  const frames = (e.stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 8);
  return [e.name, ...frames].join(' | ');
}
