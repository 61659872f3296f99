/**
 * A FHIR `Timing` read into the parts a frequency is said with (electron/common/frequency.ts
 * puts them in the reader's words on screen and paper). A coded timing (BID, Q6H) is read as
 * the structure it stands for, so it is never shown as the code.
 */
import { describeFrequency, type Frequency } from '../../common/frequency.ts';
import { wordsTranslator } from '../../common/words/index.ts';
import { readTiming, repeatToSchedule } from './timing.ts';

export function frequencyOf(timing: unknown): Frequency | null {
  const read = readTiming(timing);
  if ('problem' in read) return null;
  const { code } = read.timing;
  const codeText = code?.text ?? code?.coding?.[0]?.display ?? code?.coding?.[0]?.code ?? null;
  const repeat = repeatToSchedule(read.timing);
  return {
    frequency: repeat?.frequency ?? null,
    frequencyMax: repeat?.frequencyMax ?? null,
    period: repeat?.period ?? null,
    periodMax: repeat?.periodMax ?? null,
    periodUnit: repeat?.periodUnit ?? null,
    when: repeat?.when ?? [],
    offset: repeat?.offset ?? null,
    timeOfDay: repeat?.timeOfDay ?? [],
    dayOfWeek: repeat?.dayOfWeek ?? [],
    count: repeat?.count ?? null,
    codeText,
  };
}

/** The frequency in English words, stored with the order for the CLI and the JSON views. */
export function describeTiming(timing: unknown): string | null {
  const frequency = frequencyOf(timing);
  return frequency ? describeFrequency(wordsTranslator('en'), frequency) : null;
}
