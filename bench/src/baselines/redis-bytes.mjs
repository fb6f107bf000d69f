// Baseline for the cached list: a bare node:http server that answers every request with the bytes
// stored under one Redis key — the least any cache-backed endpoint can do.
import { createServer } from "node:http";
import { Redis } from "ioredis";

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const key = process.env.BASELINE_KEY ?? "bench:baseline:list";
createServer((req, res) => {
  redis.get(key).then(
    (body) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body ?? ""),
      });
      res.end(body ?? "");
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
