// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: '(not built yet)',
  usage: 'downtime status — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime status is not built yet')),
};
