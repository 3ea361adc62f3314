/**
 * `npm run bench:load`: the bot as a service under load. 1,000 conversations of 10 turns, 50 conversations at a
 * time, across two instances sharing one Redis (each turn on the other instance than the one before), then the same
 * load on one instance with state in memory; then 20,000 more conversations on that instance (each the start of a
 * diagnosis), its resident memory read before, during and after. Each instance is bot/index.ts in its own process, as `npm start` runs it.
 */
import { say, startChildBot, yesterday, type ChildBot } from "../test/bot/instances.js";
import { startRedis } from "../test/bot/redis-server.js";

const CONVERSATIONS = 1_000;
const AT_ONCE = 50;
const MANY = 20_000;

/** A question, then a whole rejection diagnosis to its end. */
const SCRIPT = ["How long does it take to port a number?", "my port was rejected", "1", "not sure", "no", "no", "landline", "yes", "<date>", "That's it"];
const FAILED = /something went wrong|still working on your previous message/i;

interface Run {
  latencies: number[];
  errors: number;
  /** What went wrong, the first few times. */
  examples: string[];
  seconds: number;
}

async function drive(instances: ChildBot[], conversations: number, script: string[], tag: string): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const examples: string[] = [];
  const failed = (what: string) => {
    errors++;
    if (examples.length < 3) examples.push(what);
  };
  let next = 0;
  const started = performance.now();
  const date = yesterday();
  const worker = async () => {
    while (next < conversations) {
      const n = next++;
      for (const [i, text] of script.entries()) {
        const instance = instances[(n + i) % instances.length]!;
        const start = performance.now();
        try {
          const turn = await say(instance.url, `${tag}-${n}`, text === "<date>" ? date : text, "webchat");
          if (turn.status !== 200 || turn.replies.length === 0 || turn.replies.some((r) => FAILED.test(r))) {
            failed(`turn ${i + 1}: HTTP ${turn.status} ${turn.replies.join(" ").slice(0, 120)}`);
          }
        } catch (error) {
          failed(`turn ${i + 1}: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`);
        }
        latencies.push(performance.now() - start);
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return { latencies: latencies.sort((a, b) => a - b), errors, examples, seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function rssMb(bot: ChildBot): Promise<number> {
  const text = await (await fetch(`${bot.url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("process_resident_memory_bytes "))!;
  return Number(line.split(" ")[1]) / 2 ** 20;
}

function report(label: string, run: Run): void {
  const turns = run.latencies.length;
  console.log(
    `${label.padEnd(36)} ${String(turns).padStart(6)} turns  ${String(run.errors).padStart(3)} errors  ` +
      `p50 ${percentile(run.latencies, 0.5).toFixed(1).padStart(6)} ms  p99 ${percentile(run.latencies, 0.99).toFixed(1).padStart(6)} ms  ` +
      `${(turns / run.seconds).toFixed(0).padStart(5)} turns/s`,
  );
  for (const example of run.examples) console.log(`  error: ${example}`);
}

export async function loadBench(): Promise<void> {
  const redis = await startRedis();
  const bots: ChildBot[] = [];
  try {
    const [a, b, solo] = await Promise.all([
      startChildBot({ REDIS_URL: redis.url }),
      startChildBot({ REDIS_URL: redis.url }),
      startChildBot({}),
    ]);
    bots.push(a!, b!, solo!);
    console.log(`${CONVERSATIONS} conversations x ${SCRIPT.length} turns, ${AT_ONCE} at a time (web chat, replies in the response):\n`);
    // Warm-up: the engines' first questions, the connections.
    await drive([a!, b!, solo!], 30, SCRIPT, "warm");
    const rssShared = [await rssMb(a!), await rssMb(b!)];
    const shared = await drive([a!, b!], CONVERSATIONS, SCRIPT, "shared");
    report("2 instances, Redis, turns alternating", shared);
    const single = await drive([solo!], CONVERSATIONS, SCRIPT, "single");
    report("1 instance, memory", single);
    console.log(
      `\nRatio, 2 instances + Redis / 1 instance + memory: p50 ${(percentile(shared.latencies, 0.5) / percentile(single.latencies, 0.5)).toFixed(2)}x, ` +
        `p99 ${(percentile(shared.latencies, 0.99) / percentile(single.latencies, 0.99)).toFixed(2)}x`,
    );
    console.log(`RSS of the Redis instances before / after: ${rssShared.map((r) => r.toFixed(0)).join(", ")} MB / ${(await rssMb(a!)).toFixed(0)}, ${(await rssMb(b!)).toFixed(0)} MB`);

    console.log(`\n${MANY.toLocaleString("en")} more conversations (each the start of a diagnosis) on the memory instance (MEMORY_STATE_MAX 10,000):`);
    const rss = [`0: ${(await rssMb(solo!)).toFixed(0)} MB`];
    let errors = 0;
    for (let done = 0; done < MANY; done += 5_000) {
      const run = await drive([solo!], 5_000, SCRIPT.slice(1, 2), `many-${done}`);
      errors += run.errors;
      rss.push(`${(done + 5_000).toLocaleString("en")}: ${(await rssMb(solo!)).toFixed(0)} MB`);
    }
    console.log(`RSS after n conversations: ${rss.join(", ")}; ${errors} errors`);
  } finally {
    for (const bot of bots) bot.child.kill("SIGTERM");
    await Promise.all(bots.map((bot) => bot.exited));
    await redis.stop();
  }
}
