// Native file dialogs the services ask for (import sources, export destinations).
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

export async function chooseImportFiles(win: BrowserWindow | null): Promise<string[]> {
  const options: OpenDialogOptions = {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      {
        name: 'Articles and claim lists',
        extensions: ['html', 'htm', 'xhtml', 'mhtml', 'mht', 'pdf', 'docx', 'txt', 'md', 'csv', 'tsv', 'json', 'jsonld'],
      },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return res.canceled ? [] : res.filePaths;
}

export async function chooseSavePath(
  win: BrowserWindow | null,
  opts: { defaultName: string; filterName: string; extensions: string[] },
): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Export',
    defaultPath: opts.defaultName,
    filters: [{ name: opts.filterName, extensions: opts.extensions }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return res.canceled || !res.filePath ? null : res.filePath;
}
