// Baseline for the uncached item: a bare node:http server running the same SQL the Inventory API
// runs for GET /items/:id, with a plain pg pool, and answering its JSON.
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const SQL = process.env.BASELINE_SQL;
createServer((req, res) => {
  if (req.url === "/readyz") return void res.end("ok");
  const id = decodeURIComponent((req.url ?? "").split("/").pop() ?? "");
  pool.query(SQL, [id]).then(
    ({ rows }) => {
      const body = JSON.stringify(rows[0] ?? null);
      res.writeHead(rows[0] ? 200 : 404, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
