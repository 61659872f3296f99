// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const printCommand: Command = {
  name: 'print',
  summary: '(not built yet)',
  usage: 'downtime print — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime print is not built yet')),
};
