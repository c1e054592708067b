// Types for eslint/layers.js, so TypeScript tests can use the layer table.
import type { ESLint } from 'eslint';

export interface Layer {
  name: string;
  what: string;
  paths: string[];
  mayImport: string[];
  pure?: boolean;
}
export const LAYERS: Layer[];
export const DEBT: [string, string][];
export function layerOf(path: string, layers?: Layer[]): Layer | undefined;
export function forbiddenImport(from: string, to: string, layers?: Layer[], debt?: [string, string][]): string | undefined;
declare const plugin: ESLint.Plugin;
export default plugin;
