import sharp from "sharp";
import type { Listing } from "./catalogue.ts";

// A still life per category, drawn as SVG and rendered to a JPEG: a wall, a table top, a soft shadow
// and the object. No downloads; the hue varies per listing so two tents do not look identical.
const OBJECTS: Record<string, (c: string, d: string) => string> = {
  tools: (c, d) =>
    `<rect x="330" y="250" width="300" height="110" rx="30" fill="${c}"/><rect x="600" y="280" width="70" height="50" rx="8" fill="#555"/><rect x="400" y="340" width="80" height="190" rx="20" fill="${d}"/><rect x="380" y="520" width="120" height="60" rx="14" fill="#333"/>`,
  garden: (c, d) =>
    `<rect x="300" y="380" width="360" height="150" rx="20" fill="${c}"/><circle cx="360" cy="540" r="40" fill="#333"/><circle cx="600" cy="540" r="40" fill="#333"/><rect x="640" y="200" width="20" height="200" fill="${d}" transform="rotate(20 650 300)"/>`,
  kitchen: (c, d) =>
    `<rect x="360" y="400" width="240" height="150" rx="24" fill="${c}"/><rect x="540" y="200" width="60" height="220" rx="16" fill="${c}"/><rect x="380" y="200" width="220" height="80" rx="30" fill="${c}"/><path d="M400 330 h160 l-20 90 h-120z" fill="${d}"/>`,
  camping: (c, d) =>
    `<path d="M250 560 L480 220 L710 560 Z" fill="${c}"/><path d="M440 560 L480 380 L520 560 Z" fill="${d}"/><path d="M480 220 L480 180" stroke="#444" stroke-width="8"/>`,
  sports: (c, d) =>
    `<circle cx="330" cy="470" r="100" fill="none" stroke="#333" stroke-width="18"/><circle cx="630" cy="470" r="100" fill="none" stroke="#333" stroke-width="18"/><path d="M330 470 L440 300 L580 300 L630 470 M440 300 L500 470 L580 300" fill="none" stroke="${c}" stroke-width="20" stroke-linejoin="round"/><rect x="410" y="270" width="70" height="18" rx="8" fill="${d}"/>`,
  electronics: (c, d) =>
    `<rect x="300" y="360" width="360" height="200" rx="26" fill="${c}"/><circle cx="400" cy="460" r="60" fill="${d}"/><circle cx="400" cy="460" r="30" fill="#223"/><rect x="500" y="410" width="120" height="16" rx="8" fill="${d}"/><rect x="500" y="450" width="90" height="16" rx="8" fill="${d}"/>`,
  kids: (c, d) =>
    `<rect x="320" y="430" width="130" height="130" rx="12" fill="${c}"/><rect x="470" y="430" width="130" height="130" rx="12" fill="${d}"/><rect x="395" y="300" width="130" height="130" rx="12" fill="${c}" opacity="0.85"/>`,
  party: (c, d) =>
    `<circle cx="400" cy="280" r="80" fill="${c}"/><circle cx="560" cy="250" r="70" fill="${d}"/><path d="M400 360 q20 80 -10 190 M560 320 q-20 90 10 230" stroke="#444" stroke-width="5" fill="none"/>`,
  books: (c, d) =>
    `<rect x="330" y="260" width="70" height="290" rx="8" fill="${c}"/><rect x="410" y="290" width="70" height="260" rx="8" fill="${d}"/><rect x="490" y="250" width="70" height="300" rx="8" fill="${c}" transform="rotate(8 525 400)"/>`,
  other: (c, d) =>
    `<path d="M480 240 L640 320 L640 500 L480 580 L320 500 L320 320 Z" fill="${c}"/><path d="M480 400 L640 320 M480 400 L320 320 M480 400 L480 580" stroke="${d}" stroke-width="10"/>`,
};

const hsl = (h: number, s: number, l: number) => `hsl(${h} ${s}% ${l}%)`;

/** A 960×720 JPEG picture for a listing. */
export async function pictureFor(listing: Listing, index: number): Promise<Blob> {
  const hue = (index * 47) % 360;
  const wall = [hsl((hue + 180) % 360, 25, 90), hsl((hue + 180) % 360, 20, 78)];
  const draw = OBJECTS[listing.categoryId] ?? OBJECTS.other!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720">
    <defs>
      <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wall[0]}"/><stop offset="1" stop-color="${wall[1]}"/></linearGradient>
      <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(30 30% 62%)"/><stop offset="1" stop-color="hsl(30 35% 45%)"/></linearGradient>
      <radialGradient id="light" cx="0.3" cy="0.2" r="0.9"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
      <filter id="blur"><feGaussianBlur stdDeviation="18"/></filter>
    </defs>
    <rect width="960" height="720" fill="url(#wall)"/>
    <rect y="560" width="960" height="160" fill="url(#table)"/>
    <ellipse cx="480" cy="590" rx="260" ry="30" fill="#000" opacity="0.25" filter="url(#blur)"/>
    ${draw(hsl(hue, 65, 50), hsl((hue + 30) % 360, 55, 35))}
    <rect width="960" height="720" fill="url(#light)"/>
  </svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" });
}
