/**
 * A patient's lines, drains and devices on paper, one line each as the chart says them
 * (common/device.ts): "day n" since placement counted to the export's data time, the date in
 * full ISO on the ward's calendar, or "none recorded — check at the bedside", never blank.
 * The handover and the patient summary print the same lines.
 */
import { deviceLine, devicePlacement, type DeviceWords } from '../../common/device.ts';
import { storedDay } from './format.ts';
import type { Translate } from './messages.ts';

export function deviceLines(
  t: Translate,
  devices: readonly (DeviceWords & { readonly placedAt: string | null })[],
  asOf: Date,
  timeZone: string,
): string[] {
  if (devices.length === 0) return [t('device.none')];
  return devices.map((d) =>
    deviceLine(
      t,
      d,
      devicePlacement(d.placedAt, asOf, timeZone, (value) => storedDay(value, timeZone)),
    ),
  );
}
