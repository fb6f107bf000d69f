import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error.ts";
import { receiveFiles } from "./multipart.ts";

// The multipart reader on a real HTTP server: what a client sends reaches busboy byte for byte.
let server: ReturnType<ReturnType<typeof express>["listen"]>;
let url: string;

beforeAll(async () => {
  const app = express();
  app.put("/upload", (req, res) => {
    receiveFiles(req, {
      field: "photo",
      maxFiles: 2,
      maxFileBytes: 64 * 1024,
      tooManyFiles: () => new AppError("validation_failed", "Too many files"),
      onFile: (file) => Promise.resolve(file.bytes.length),
    }).then(
      (sizes) => res.json({ sizes }),
      (error: AppError) => res.status(error.status).json({ code: error.code, detail: error.message }),
    );
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const BOUNDARY = "sharehood-test-boundary";
const part = (filename: string, content: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="${filename}"\r\n` +
  `Content-Type: image/png\r\n\r\n${content}`;

const upload = (body: string) =>
  fetch(url, {
    method: "PUT",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
  });

describe("receiveFiles", () => {
  it("reads whole files", async () => {
    const res = await upload(`${part("a.png", "12345")}\r\n${part("b.png", "123")}\r\n--${BOUNDARY}--\r\n`);
    expect(await res.json()).toEqual({ sizes: [5, 3] });
  });

  it("answers 400 for a body that ends inside a file, and the server lives on", async () => {
    for (const body of [part("a.png", "half a fil"), `${part("a.png", "12345")}\r\n${part("b.png", "12")}`]) {
      const res = await upload(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "validation_failed" });
    }
    const res = await upload(`${part("a.png", "12345")}\r\n--${BOUNDARY}--\r\n`);
    expect(await res.json()).toEqual({ sizes: [5] });
  });
});
