// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: '(not built yet)',
  usage: 'downtime export — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime export is not built yet')),
};
