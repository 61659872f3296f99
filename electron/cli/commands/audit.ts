// PLACEHOLDER until its issue lands: replaced by the real command.
import { AppError } from '../../core/errors.ts';
import type { Command } from '../cli-kit.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: '(not built yet)',
  usage: 'downtime audit — not built yet',
  run: () => Promise.reject(new AppError('internal', 'downtime audit is not built yet')),
};
