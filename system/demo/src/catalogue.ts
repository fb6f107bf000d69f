import type { Condition, Position } from "@sharehood/sdk";

export type Neighbour = "alice" | "bob" | "chloe" | "dev";

/** A demo listing: who lends it, what it is. */
export interface Listing {
  owner: Neighbour;
  title: string;
  description: string;
  categoryId: string;
  condition: Condition;
  location: string;
  /** Roughly where: each neighbour's street, a few minutes' walk apart around DEMO_TOWN. */
  position: Position;
}

/** The town the demo neighbourhood is in: "near me" searches start from here. */
export const DEMO_TOWN = { name: "Bristol", position: { lat: 51.4545, lng: -2.5879 } } as const;

const where: Record<Neighbour, string> = {
  alice: "Elm Street",
  bob: "Harbour Road",
  chloe: "Old Town",
  dev: "Park Lane",
};

/** Each street's place: 0.3 to 2.5 km from the town centre, so distances and radii show. */
export const STREETS: Record<Neighbour, Position> = {
  alice: { lat: 51.4632, lng: -2.5901 },
  bob: { lat: 51.4489, lng: -2.5995 },
  chloe: { lat: 51.4541, lng: -2.5925 },
  dev: { lat: 51.4722, lng: -2.6168 },
};

// [owner, category, condition, title, description]
const rows: [Neighbour, string, Condition, string, string][] = [
  [
    "alice",
    "tools",
    "good",
    "Cordless drill (18V)",
    "Two batteries, a charger and a case of wood, metal and masonry bits.",
  ],
  [
    "alice",
    "tools",
    "like_new",
    "Laser level",
    "Self-levelling cross-line laser. Perfect for hanging shelves and pictures straight.",
  ],
  [
    "bob",
    "tools",
    "fair",
    "Extension ladder, 6 m",
    "Aluminium, two sections. Heavy: bring a friend and a car with a roof rack.",
  ],
  [
    "bob",
    "tools",
    "good",
    "Circular saw",
    "1200 W with a spare blade and a guide rail for long straight cuts.",
  ],
  [
    "dev",
    "tools",
    "good",
    "Tile cutter",
    "Manual cutter for tiles up to 60 cm, plus nippers for the awkward corners.",
  ],
  ["chloe", "tools", "worn", "Stud finder", "Finds wood, metal and live wires. Works fine, looks tired."],
  [
    "chloe",
    "garden",
    "good",
    "Electric lawnmower",
    "38 cm cut, grass box included. Quiet enough for Sunday mornings.",
  ],
  ["alice", "garden", "good", "Hedge trimmer", "Cordless, 50 cm blade. Battery lasts about 40 minutes."],
  ["dev", "garden", "fair", "Wheelbarrow", "Sturdy steel barrow. The tyre holds air, mostly."],
  [
    "bob",
    "garden",
    "like_new",
    "Pressure washer",
    "Cleans patios, bikes and garden furniture. Comes with a patio brush.",
  ],
  ["chloe", "garden", "good", "Leaf blower and vacuum", "Blows, sucks and shreds leaves into a bag."],
  ["alice", "garden", "new", "Raised bed kit", "Cedar planks for a 120 × 60 cm bed, never assembled."],
  [
    "chloe",
    "kitchen",
    "like_new",
    "Stand mixer",
    "5 L bowl with whisk, paddle and dough hook. Bakes a great brioche.",
  ],
  [
    "dev",
    "kitchen",
    "good",
    "Pasta machine",
    "Hand-cranked, makes lasagne sheets, tagliatelle and spaghetti.",
  ],
  [
    "alice",
    "kitchen",
    "good",
    "Slow cooker (6 L)",
    "Feeds a crowd. Removable ceramic pot goes in the dishwasher.",
  ],
  [
    "bob",
    "kitchen",
    "fair",
    "Preserving pan and jars",
    "Large jam pan with 24 jars and lids. Autumn's favourite.",
  ],
  ["chloe", "kitchen", "good", "Ice cream maker", "Freezer-bowl machine; freeze the bowl the night before."],
  ["dev", "kitchen", "like_new", "Waffle iron", "Belgian waffles, non-stick plates, indicator light."],
  [
    "bob",
    "camping",
    "good",
    "Family tent for six",
    "Two bedrooms and a porch, pitches in 20 minutes. Waterproof in real rain.",
  ],
  ["alice", "camping", "good", "Two-person hiking tent", "Light (1.8 kg) backpacking tent with footprint."],
  [
    "dev",
    "camping",
    "like_new",
    "Camping stove",
    "Two burners with a windscreen. Gas cartridge not included.",
  ],
  ["chloe", "camping", "good", "Sleeping bags (pair)", "Comfort rating 5 °C. Washed after every loan."],
  ["bob", "camping", "fair", "Cool box, 40 L", "Keeps things cold for a weekend with a few ice packs."],
  [
    "alice",
    "camping",
    "good",
    "Camping chairs (set of 4)",
    "Folding chairs with cup holders and a carry bag.",
  ],
  ["dev", "sports", "good", "Inflatable kayak", "Two-seater with paddles, pump and life vests."],
  [
    "bob",
    "sports",
    "good",
    "Road bike (56 cm)",
    "Aluminium frame, 18 gears, recently serviced. Helmet available.",
  ],
  [
    "chloe",
    "sports",
    "like_new",
    "Stand-up paddle board",
    "Inflatable board, 10'6\", with paddle, leash and pump.",
  ],
  [
    "alice",
    "sports",
    "fair",
    "Tennis rackets and balls",
    "Two adult rackets and a tube of fairly bouncy balls.",
  ],
  ["dev", "sports", "good", "Snowshoes", "Size M/L, with poles. For winter walks in the hills."],
  ["chloe", "sports", "good", "Yoga mats (x3)", "Thick, non-slip mats and two foam blocks."],
  [
    "bob",
    "electronics",
    "good",
    "Full HD projector",
    "Bright enough for movie nights in the garden. HDMI cable and screen included.",
  ],
  ["alice", "electronics", "like_new", "Bluetooth party speaker", "Loud, 12-hour battery, splash-proof."],
  [
    "dev",
    "electronics",
    "good",
    "DSLR camera with 50 mm lens",
    "Two batteries and a 64 GB card. Great for portraits.",
  ],
  [
    "chloe",
    "electronics",
    "fair",
    "Game console with two controllers",
    "Plus a handful of family-friendly games.",
  ],
  ["bob", "electronics", "good", "Label printer", "Makes moving boxes and pantry jars look organised."],
  ["dev", "kids", "good", "Travel cot", "Folds into a bag; mattress and fitted sheet included."],
  [
    "alice",
    "kids",
    "like_new",
    "Child car seat (9–18 kg)",
    "Isofix, never been in an accident. Manual included.",
  ],
  ["chloe", "kids", "good", "Balance bike", "For ages 2–5. Adjustable seat."],
  ["bob", "kids", "fair", "Baby carrier", "Ergonomic carrier, front and back carry."],
  ["dev", "kids", "good", "Wooden train set", "Over 80 pieces of track, bridges and trains."],
  ["alice", "party", "good", "Folding tables (x2)", "180 cm trestle tables, seat eight each."],
  ["bob", "party", "good", "Fairy lights, 30 m", "Warm white, for gardens and marquees. Outdoor plug."],
  ["chloe", "party", "like_new", "Gazebo, 3 × 3 m", "Pop-up gazebo with side walls and weights."],
  ["dev", "party", "good", "Karaoke machine", "Two microphones, lights and a speaker that fills a room."],
  ["alice", "party", "good", "Punch bowl and glasses", "Glass bowl with ladle and 20 cups."],
  ["bob", "books", "good", "Board game night box", "Five modern classics for 2–6 players."],
  ["chloe", "books", "good", "Hiking guides of the region", "Three guidebooks with maps, well annotated."],
  ["dev", "books", "fair", "1000-piece puzzles (x4)", "All pieces counted after the last loan."],
  ["alice", "other", "good", "Sewing machine", "Straight and zigzag stitches, buttonholes, spare needles."],
  ["bob", "other", "good", "Carpet cleaner", "Deep-cleans rugs and car seats. Bring your own detergent."],
];

export const CATALOGUE: Listing[] = rows.map(([owner, categoryId, condition, title, description]) => ({
  owner,
  categoryId,
  condition,
  title,
  description,
  location: where[owner],
  position: STREETS[owner],
}));

/**
 * The owners' rules on a few demo items, by title: loan lengths, notice, a paused listing, and days
 * the owner keeps (`blockedDays`: from and to, in days after the seed, both included).
 */
export const RULES: Record<
  string,
  {
    minDays?: number;
    maxDays?: number;
    noticeDays?: number;
    paused?: boolean;
    blockedDays?: [number, number][];
  }
> = {
  "Cordless drill (18V)": { maxDays: 7 },
  "Extension ladder, 6 m": { minDays: 2, maxDays: 5 },
  "Circular saw": { noticeDays: 2 },
  "Gazebo, 3 × 3 m": { blockedDays: [[25, 27]] },
  "Karaoke machine": { paused: true },
};

/** What each demo neighbour says about themselves on their public profile. */
export interface Profile {
  bio: string;
  neighbourhood: string;
}

export const PROFILES: Record<Neighbour, Profile> = {
  alice: {
    bio: "Weekend DIYer and keen gardener. Happy to show you how the drill works before you take it home.",
    neighbourhood: "Elm Street",
  },
  bob: {
    bio: "Camping, cycling and the odd home project. My gear comes back clean, and I lend it out the same way.",
    neighbourhood: "Harbour Road",
  },
  chloe: {
    bio: "Baker, paddler and owner of the street-party gazebo. Ask me anything about brioche.",
    neighbourhood: "Old Town",
  },
  dev: {
    bio: "Dad of two and a photographer at weekends. Most of my things are kid-tested.",
    neighbourhood: "Park Lane",
  },
};

/** One side's review of the other after a returned loan. */
export interface DemoReview {
  rating: number;
  body: string;
}

/**
 * Reviews of returned demo loans, by loan title: both sides wrote theirs, so both show, and the
 * reviewed person may have answered in public (`reply.by` is who answers the review of them).
 */
export const REVIEWS: Record<
  string,
  { borrower: DemoReview; owner: DemoReview; reply?: { by: "borrower" | "owner"; body: string } }
> = {
  "Stand mixer": {
    borrower: {
      rating: 5,
      body: "Spotless, and Chloé showed me how the dough hook goes on. The birthday cake was a hit!",
    },
    owner: { rating: 5, body: "Back the next morning, washed and in its box. Lend to Alice any time." },
    reply: { by: "owner", body: "So glad the cake worked out! The ice cream maker is yours next." },
  },
  "Laser level": {
    borrower: { rating: 5, body: "Dead easy to use, and Alice threw in the little tripod too." },
    owner: { rating: 4, body: "Returned on time. A bit of plaster dust on the case, no harm done." },
    reply: { by: "borrower", body: "Sorry about the dust: it was a plastering week. Cleaned it since!" },
  },
  "Pasta machine": {
    borrower: {
      rating: 4,
      body: "Works well. The tagliatelle cutter sticks a little; a dusting of flour helps.",
    },
    owner: { rating: 5, body: "Chloé cleaned it better than I ever do. Welcome back any time." },
  },
};
