import sharp from "sharp";
import type { Neighbour } from "./catalogue.ts";

// A portrait per demo neighbour, drawn as SVG and rendered to a small JPEG like photo-art's
// pictures: a coloured backdrop, shoulders, a face and a hairstyle. No text (no fonts needed) and
// no downloads.
const LOOKS: Record<
  Neighbour,
  { backdrop: number; skin: string; hair: string; shirt: string; style: string }
> = {
  alice: { backdrop: 150, skin: "#f1c7a5", hair: "#7a4a26", shirt: "#2f7d6d", style: "long" },
  bob: { backdrop: 210, skin: "#8d5a3b", hair: "#1f1a17", shirt: "#c2553d", style: "short" },
  chloe: { backdrop: 330, skin: "#f5d3b8", hair: "#d9a441", shirt: "#3d5a9e", style: "bun" },
  dev: { backdrop: 35, skin: "#c68e63", hair: "#2a211c", shirt: "#6b4aa0", style: "beard" },
};

// Each style: what shows behind the head (long hair), and what is drawn over it.
const HAIR: Record<string, (colour: string) => { back: string; front: string }> = {
  long: (c) => ({
    back: `<rect x="68" y="70" width="120" height="140" rx="56" fill="${c}"/>`,
    front: `<path d="M80 118 q0 -64 48 -64 q48 0 48 64 q-14 -34 -48 -34 q-34 0 -48 34z" fill="${c}"/>`,
  }),
  short: (c) => ({
    back: "",
    front: `<path d="M80 112 q0 -56 48 -56 q48 0 48 56 q-20 -22 -48 -22 q-28 0 -48 22z" fill="${c}"/>`,
  }),
  bun: (c) => ({
    back: `<circle cx="128" cy="48" r="22" fill="${c}"/>`,
    front: `<path d="M78 118 q0 -64 50 -64 q50 0 50 64 q-18 -30 -50 -30 q-32 0 -50 30z" fill="${c}"/>`,
  }),
  beard: (c) => ({
    back: "",
    front:
      `<path d="M80 110 q0 -54 48 -54 q48 0 48 54 q-20 -18 -48 -18 q-28 0 -48 18z" fill="${c}"/>` +
      `<path d="M84 140 q6 44 44 44 q38 0 44 -44 q-10 30 -44 30 q-34 0 -44 -30z" fill="${c}"/>`,
  }),
};

/** A 256×256 JPEG portrait for a demo neighbour, to upload as their avatar. */
export async function avatarFor(who: Neighbour): Promise<Blob> {
  const look = LOOKS[who];
  const hair = HAIR[look.style]?.(look.hair) ?? { back: "", front: "" };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${look.backdrop} 55% 78%)"/>
      <stop offset="1" stop-color="hsl(${look.backdrop} 45% 62%)"/>
    </linearGradient></defs>
    <rect width="256" height="256" fill="url(#bg)"/>
    ${hair.back}
    <path d="M36 256 q0 -70 92 -70 q92 0 92 70z" fill="${look.shirt}"/>
    <rect x="112" y="160" width="32" height="34" rx="10" fill="${look.skin}"/>
    <ellipse cx="128" cy="128" rx="46" ry="54" fill="${look.skin}"/>
    ${hair.front}
    <circle cx="110" cy="128" r="5" fill="#2b2b2b"/><circle cx="146" cy="128" r="5" fill="#2b2b2b"/>
    <path d="M112 156 q16 12 32 0" stroke="#8a4b3a" stroke-width="4" fill="none" stroke-linecap="round"/>
  </svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" });
}
