// Version 5: the text quality of an imported article (main/importers/quality.ts): 'ok' as
// extracted, 'ocr' when pages were read by OCR, 'unreadable' when the text is junk (stored without
// suggestions), and the warning the reader shows. Articles from earlier versions count as 'ok'.
import type { Migration } from './types';

export const textQualitySchema: Migration = {
  version: 5,
  name: 'article text quality',
  sql: `
ALTER TABLE article ADD COLUMN text_quality TEXT NOT NULL DEFAULT 'ok' CHECK (text_quality IN ('ok', 'ocr', 'unreadable'));
ALTER TABLE article ADD COLUMN text_warning TEXT;
`,
};
