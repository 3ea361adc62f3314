/**
 * Knowledge bodies are Markdown with links between entries written `[text](kb:<id>)`. A body is lexed once into
 * marked's tokens with those links resolved (tokens.ts), and one renderer per target walks the tokens:
 *
 * | target | file | for |
 * | --- | --- | --- |
 * | plain text | plain.ts | channels without formatting, the terminal, the search index |
 * | Slack | slack.ts | mrkdwn text, and Block Kit blocks |
 * | HTML | html.ts | the web chat page, sanitised |
 * | Adaptive Card elements | adaptive-card.ts | Teams, web chat, Direct Line, the emulator |
 * | agents' copy-ready text | agent.ts | what an agent pastes into a ticket |
 *
 * This module is the one place callers import them from.
 */
export { knowledgeTokens, kbLinkIds, resolveKbLink, type ResolveLink, type Token } from "./tokens.js";
export { plainTextOf, toPlainText } from "./plain.js";
export { slackBlocksOf, slackMrkdwnOf, toSlackBlocks, toSlackMrkdwn, type SlackBlock } from "./slack.js";
export { htmlOf, toHtml } from "./html.js";
export { cardElementsOf, cardTable, textBlock, toCardElements, type CardElement, type CardOptions } from "./adaptive-card.js";
export { agentText } from "./agent.js";
