/**
 * The print media a ward keeps besides A4 paper: A4 sticker sheets for patient labels and
 * wristband strips. Sizes in millimetres, as the boxes are labelled; the settings hold the
 * ward's own (IT picks a preset or measures its stock), the reports read them from there.
 */
import { z } from 'zod';

const Mm = z.number().positive().max(1000);
const MarginMm = z.number().min(0).max(100);

/** A sticker sheet: `columns` × `rows` labels of one size, from the top-left corner. */
export const LabelSheetSchema = z
  .object({
    columns: z.number().int().min(1).max(10),
    rows: z.number().int().min(1).max(30),
    labelWidthMm: Mm,
    labelHeightMm: Mm,
    /** Sheet edge to the first label. */
    topMm: MarginMm,
    leftMm: MarginMm,
    /** Space between two labels side by side, and between two rows. */
    gapXMm: MarginMm,
    gapYMm: MarginMm,
  })
  .strict();
export type LabelSheet = z.infer<typeof LabelSheetSchema>;

/** A wristband strip: the printable part, drawn lengthwise (name first, then the barcodes). */
export const WristbandSizeSchema = z.object({ widthMm: Mm, lengthMm: Mm }).strict();
export type WristbandSize = z.infer<typeof WristbandSizeSchema>;

export const WristbandsSchema = z
  .object({
    adult: WristbandSizeSchema,
    child: WristbandSizeSchema,
    /** Patients younger than this get the child band. */
    childUnderYears: z.number().int().min(1).max(18),
  })
  .strict();
export type Wristbands = z.infer<typeof WristbandsSchema>;

/** A4 = 210 × 297 mm. The two common sheets, centred as the manufacturers cut them. */
export const LABEL_SHEET_PRESETS = {
  /** 3 × 7, 63.5 × 38.1 mm (the L7160 / J8160 family). */
  '3x7': {
    columns: 3,
    rows: 7,
    labelWidthMm: 63.5,
    labelHeightMm: 38.1,
    topMm: 15.15,
    leftMm: 7.25,
    gapXMm: 2.5,
    gapYMm: 0,
  },
  /** 3 × 8, 70 × 36 mm, edge to edge across the sheet. */
  '3x8': {
    columns: 3,
    rows: 8,
    labelWidthMm: 70,
    labelHeightMm: 36,
    topMm: 4.5,
    leftMm: 0,
    gapXMm: 0,
    gapYMm: 0,
  },
} as const satisfies Record<string, LabelSheet>;

export const DEFAULT_WRISTBANDS: Wristbands = {
  adult: { widthMm: 25, lengthMm: 280 },
  child: { widthMm: 25, lengthMm: 180 },
  childUnderYears: 12,
};

export const MM = 72 / 25.4;

/** Where each label of a sheet sits, in points from the top-left corner of the page. */
export function labelPositions(sheet: LabelSheet): { x: number; y: number }[] {
  const positions: { x: number; y: number }[] = [];
  for (let row = 0; row < sheet.rows; row++) {
    for (let column = 0; column < sheet.columns; column++) {
      positions.push({
        x: (sheet.leftMm + column * (sheet.labelWidthMm + sheet.gapXMm)) * MM,
        y: (sheet.topMm + row * (sheet.labelHeightMm + sheet.gapYMm)) * MM,
      });
    }
  }
  return positions;
}

/** A4 in millimetres: what a sheet must fit on. */
export const A4_MM = { width: 210, height: 297 } as const;

/** Why a sheet cannot be printed on A4 (labels past the edge), or null when it fits. */
export function sheetProblem(sheet: LabelSheet): string | null {
  const right =
    sheet.leftMm + sheet.columns * sheet.labelWidthMm + (sheet.columns - 1) * sheet.gapXMm;
  const bottom = sheet.topMm + sheet.rows * sheet.labelHeightMm + (sheet.rows - 1) * sheet.gapYMm;
  if (right > A4_MM.width + 0.01 || bottom > A4_MM.height + 0.01) {
    return `the labels reach ${right.toFixed(1)} × ${bottom.toFixed(1)} mm, past the A4 sheet (210 × 297 mm)`;
  }
  return null;
}
