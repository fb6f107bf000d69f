import { readFileSync } from "node:fs";

/** One instruction of a Dockerfile: `RUN`, `COPY`, ... with its arguments (continuations joined). */
export type Instruction = { keyword: string; args: string };

/** A build stage: its `FROM` line and the instructions after it. */
export type Stage = { from: string; name: string | undefined; instructions: Instruction[] };

/** Parses the instructions of a Dockerfile (comments dropped, `\` continuations joined). */
export function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const logical: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || line === "") {
      if (current === "") continue;
      if (line === "") {
        logical.push(current);
        current = "";
      }
      continue;
    }
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(current + line);
    current = "";
  }
  if (current !== "") logical.push(current);

  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    const keyword = (match?.[1] ?? "").toUpperCase();
    const rest = (match?.[2] ?? "").trim();
    if (keyword === "FROM") {
      const from = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      stages.push({ from: from?.[1] ?? "", name: from?.[2], instructions: [] });
    } else if (stages.length === 0) {
      args.push({ keyword, args: rest });
    } else {
      stages.at(-1)?.instructions.push({ keyword, args: rest });
    }
  }
  return { args, stages };
}

export const readDockerfile = (path: string) => parseDockerfile(readFileSync(path, "utf8"));
