// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: '(not built yet)',
  usage: 'downtime inspect — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime inspect is not built yet')),
};
