import { normalize } from "../input.js";

/**
 * Bare replies that only answer a question the bot asked: the labels of "Did this help?" and of the flows' closing
 * buttons, and their usual typed forms. They carry no question of their own.
 */
const ACKNOWLEDGEMENTS = new Set(
  [
    ...["yes", "y", "yeah", "yep", "no", "n", "nope", "not sure"],
    ...["that's it", "that's all", "none of these", "ok", "okay", "thanks", "thank you", "got it"],
  ].map(normalize),
);

export function isAcknowledgement(text: string): boolean {
  return ACKNOWLEDGEMENTS.has(normalize(text));
}
