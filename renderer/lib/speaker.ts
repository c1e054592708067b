// How a proposal's speaker was found, in words a researcher can check: the phrase as written and what it
// was resolved to ("he → Kim Jong Gyu"), the reporting cue ("said") and whether extraction was unsure.
import type { AttributionHop } from '../../shared/domain';

export interface SpeakerNote {
  /** "he → Kim Jong Gyu", or null when the name is the phrase as written. */
  resolution: string | null;
  /** 'cue "said"', or null. */
  cue: string | null;
  unsure: boolean;
  /** One line for titles and screen readers. */
  text: string;
}

/** The speaker hop of a chain (the first hop whose role is speaker), or null. */
export function speakerHop(hops: readonly AttributionHop[]): AttributionHop | null {
  return hops.find((h) => h.role === 'speaker') ?? null;
}

export function speakerNote(hop: AttributionHop | null): SpeakerNote | null {
  if (!hop || (!hop.as && !hop.cue && !hop.unsure)) return null;
  const resolution = hop.as && hop.as !== hop.name ? `${hop.as} → ${hop.name}` : null;
  const cue = hop.cue ? `cue “${hop.cue}”` : null;
  const unsure = hop.unsure === true;
  const text = [resolution, cue, unsure ? 'unsure: please check who said it' : null].filter(Boolean).join(' · ');
  return { resolution, cue, unsure, text };
}

/** The hop after a researcher edits its name or confirms it: no longer a guess. */
export function confirmed(hop: AttributionHop): AttributionHop {
  const { unsure: _unsure, ...rest } = hop;
  return rest;
}
