/**
 * What only Electron can do for the API: the save dialog, printing (system dialog from a hidden
 * sandboxed window, else the OS spooler), the printer list, and safeStorage.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, safeStorage } from 'electron';
import type { HostServices } from '../core/app/create-api.ts';
import type { AtRestSeal } from '../core/app/identity-file.ts';
import { printWindowOptions } from './window-options.ts';
import { osSealUsable } from './secure-storage.ts';
import { spoolPdf } from './spooler.ts';

export function electronHost(mainWindow: () => BrowserWindow | null): HostServices {
  return {
    async saveFile(suggestedName, bytes) {
      const window = mainWindow();
      const options = { defaultPath: suggestedName };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, bytes, { mode: 0o600 });
      return choice.filePath;
    },

    async printPdf(pdf, printer) {
      if (await printWithDialog(pdf)) return { via: 'dialog', jobId: null };
      const { jobId } = await spoolPdf(pdf, printer);
      return { via: 'spooler', jobId };
    },

    async listPrinters() {
      const window = mainWindow();
      if (!window) return null;
      const printers = await window.webContents.getPrintersAsync();
      return printers.map((p) => p.name);
    },

    atRest: osSealUsable({
      platform: process.platform,
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    })
      ? safeStorageSeal
      : null,
  };
}

const safeStorageSeal: AtRestSeal = {
  seal: (bytes) => safeStorage.encryptString(Buffer.from(bytes).toString('base64')),
  open: (bytes) => Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64'),
};

/**
 * Shows the PDF in a hidden sandboxed window (no preload, no script) and opens the system print
 * dialog on it. The PDF travels as a data: URL so it never touches the disk. Resolves false when
 * the dialog could not be shown, so the caller falls back to the spooler.
 */
async function printWithDialog(pdf: Uint8Array): Promise<boolean> {
  const window = new BrowserWindow(printWindowOptions());
  try {
    await window.loadURL(`data:application/pdf;base64,${Buffer.from(pdf).toString('base64')}`);
    return await new Promise<boolean>((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
        // A user's "cancel" is a decision, not a failure: no fallback printing then.
        resolve(success || reason === 'cancelled');
      });
    });
  } catch {
    return false;
  } finally {
    window.destroy();
  }
}
