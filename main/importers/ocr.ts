// Offline OCR with tesseract.js, run inside the import worker. Everything it loads comes from local
// node_modules: its worker script, the wasm core (tesseract.js-core, required by that script) and
// the English LSTM model (@tesseract.js-data/eng, 4.0.0_best_int). Nothing is downloaded or cached:
// langPath is a folder (tesseract.js only fetches when it is a URL) and cacheMethod is 'none'.
// In the packaged app these files are unpacked beside app.asar (electron-builder.yml asarUnpack),
// since a worker thread and the wasm loader need plain files.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';

export const OCR_LANGUAGE = 'eng';
/** Tesseract reads small type best at 200–300 dpi; 200 keeps a page at a few seconds. */
export const OCR_DPI = 200;
/** At most this many pages of one document are OCR'd (a page takes seconds of CPU). */
export const OCR_MAX_PAGES = 50;

export interface OcrEngine {
  /** Text of one page image (PNG bytes). */
  recognize(png: Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/** A path inside app.asar as the unpacked copy beside it (unchanged outside a packaged app). */
const unpacked = (path: string) => path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');

function packageDir(name: string): string {
  return dirname(unpacked(createRequire(import.meta.url).resolve(`${name}/package.json`)));
}

/** The createWorker options: every path local, no cache, no blob URL. */
export function ocrWorkerOptions() {
  const tesseract = packageDir('tesseract.js');
  const options = {
    workerPath: join(tesseract, 'src', 'worker-script', 'node', 'index.js'),
    corePath: packageDir('tesseract.js-core'),
    langPath: join(packageDir(`@tesseract.js-data/${OCR_LANGUAGE}`), '4.0.0_best_int'),
    cacheMethod: 'none',
    gzip: true,
    workerBlobURL: false,
  };
  for (const path of [options.workerPath, options.corePath, join(options.langPath, `${OCR_LANGUAGE}.traineddata.gz`)]) {
    if (!existsSync(path)) throw new AppError('INTERNAL', `OCR is not installed completely: ${path} is missing`);
  }
  return options;
}

export async function createOcr(): Promise<OcrEngine> {
  const { default: Tesseract } = await import('tesseract.js');
  const worker = await Tesseract.createWorker(OCR_LANGUAGE, Tesseract.OEM.LSTM_ONLY, ocrWorkerOptions()).catch((err: unknown) => {
    throw new AppError('PARSE_FAILED', `OCR could not start: ${err instanceof Error ? err.message : String(err)}`);
  });
  return {
    async recognize(png) {
      const { data } = await worker.recognize(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      return data.text;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
