import { z } from "zod";
import { MAX_TEXT } from "../incoming-activity.js";

/**
 * What a Direct Line client may post. The channel sets id, channelId, conversation, from's id, recipient,
 * serviceUrl and timestamp itself, whatever the client says.
 */
export const PostedActivity = z.looseObject({
  type: z.enum(["message", "event", "typing"]),
  text: z.string().max(MAX_TEXT, `text: at most ${MAX_TEXT} characters`).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  locale: z.string().max(64).optional(),
  textFormat: z.enum(["plain", "markdown", "xml"]).optional(),
  from: z.looseObject({ id: z.string().max(512).optional(), name: z.string().max(512).optional() }).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.never()).max(0, "uploads are not accepted").optional(),
});
export type PostedActivity = z.infer<typeof PostedActivity>;
