// English function words dropped from the index. Negation words are NOT here: they become
// polarity features instead (see negation.ts), because "did not send troops" must not look
// identical to "sent troops".
const WORDS = `a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was
we were what when where which while who whom why will with would you your yours yourself yourselves also
via amp rt says said say saying told tells according reportedly just like get got would could may might
must shall much many one us`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
