/** The languages of the app, on screen and on paper. */
import { z } from 'zod';

export const LanguageSchema = z.enum(['fr', 'nl', 'de', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
