/**
 * Checks manifest.xml against the built add-in in dist/ (run after `npm run build`; the
 * package's test script builds first).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// ---------------------------------------------------------------------------------------------
// A flat view of the manifest's elements.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  /** Ancestor names, outermost first. */
  ancestors: string[];
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function flatten(nodes: OrderedNode[], ancestors: string[], out: XmlElement[]): void {
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (name === undefined || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const children = (node[name] as OrderedNode[]) ?? [];
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node[":@"] ?? {})) attrs[k.replace(/^@_/, "")] = String(v);
    const text = children
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    out.push({ name, attrs, text, ancestors });
    flatten(children, [...ancestors, name], out);
  }
}

function loadManifest(): XmlElement[] {
  const xml = fs.readFileSync(MANIFEST, "utf8");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`manifest.xml is not well-formed: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    preserveOrder: true,
    commentPropName: "#comment",
    parseAttributeValue: false,
    parseTagValue: false,
  });
  const out: XmlElement[] = [];
  flatten(parser.parse(xml) as OrderedNode[], [], out);
  return out;
}

const elements = loadManifest();
const named = (name: string) => elements.filter((e) => e.name === name);
const under = (e: XmlElement, ancestor: string) => e.ancestors.includes(ancestor);

/** Every URL the manifest names, with where it came from. */
function collectUrls(): { url: string; from: string }[] {
  const urls: { url: string; from: string }[] = [];
  for (const e of elements) {
    if (["bt:Url", "bt:Image"].includes(e.name) && under(e, "Resources")) {
      urls.push({ url: e.attrs.DefaultValue, from: `${e.name}#${e.attrs.id}` });
    } else if (["SourceLocation", "IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(e.name)) {
      if (e.attrs.DefaultValue !== undefined) urls.push({ url: e.attrs.DefaultValue, from: e.name });
    } else if (e.name === "AppDomain") {
      urls.push({ url: e.text, from: "AppDomain" });
    }
  }
  return urls;
}

// ---------------------------------------------------------------------------------------------
// PNG decoding (enough to check the icons are real images).

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Buffer;
}

function decodePng(file: string): DecodedPng {
  const buf = fs.readFileSync(file);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`${file}: not a PNG (bad signature)`);
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset);
    const type = buf.toString("ascii", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + len);
    const crc = buf.readUInt32BE(offset + 8 + len);
    if (crc !== crc32(buf.subarray(offset + 4, offset + 8 + len))) {
      throw new Error(`${file}: bad CRC in ${type} chunk`);
    }
    if (type === "IHDR") ihdr = data;
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") sawEnd = true;
    offset += 12 + len;
  }
  if (!ihdr || idat.length === 0 || !sawEnd) throw new Error(`${file}: missing IHDR, IDAT or IEND`);
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8];
  const colourType = ihdr[9];
  const interlace = ihdr[12];
  const channelsByType: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
  const channels = channelsByType[colourType];
  if (bitDepth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`${file}: unsupported PNG layout (depth ${bitDepth}, colour ${colourType}, interlace ${interlace})`);
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new Error(`${file}: image data has the wrong length`);
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      let pred: number;
      switch (filter) {
        case 0:
          pred = 0;
          break;
        case 1:
          pred = a;
          break;
        case 2:
          pred = b;
          break;
        case 3:
          pred = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`${file}: bad filter type ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = (cur + pred) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function distinctColours(png: DecodedPng): number {
  const seen = new Set<string>();
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    seen.add(png.pixels.subarray(i, i + png.channels).toString("hex"));
  }
  return seen.size;
}

// ---------------------------------------------------------------------------------------------

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  }
});

describe("manifest.xml structure", () => {
  test("is a task pane add-in for Excel workbooks with a GUID id", () => {
    const root = elements[0];
    expect(root.name).toBe("OfficeApp");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const id = named("Id")[0]?.text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(named("ProviderName")[0]?.text).toBe("RegRights");
    expect(named("DisplayName")[0]?.attrs.DefaultValue).toBe("RegRights");
    const hosts = named("Host")
      .filter((e) => !under(e, "VersionOverrides"))
      .map((e) => e.attrs.Name);
    expect(hosts).toEqual(["Workbook"]);
    expect(named("Permissions")[0]?.text).toBe("ReadWriteDocument");
  });

  test("requires the SharedRuntime and CustomFunctionsRuntime sets", () => {
    const sets = named("Set")
      .filter((e) => under(e, "Requirements") && !under(e, "VersionOverrides"))
      .map((e) => e.attrs.Name);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime", "CustomFunctionsRuntime", "ExcelApi"]));
    // Error values passed to functions (allowErrorForDataTypeAny) came with CustomFunctionsRuntime 1.3's
    // error-handling update; 1.4 is not supported on retail perpetual and LTSC Office, so not required.
    const cf = named("Set").find((e) => e.attrs.Name === "CustomFunctionsRuntime" && !under(e, "VersionOverrides"));
    expect(cf?.attrs.MinVersion).toBe("1.3");
  });

  // The newest Office.js call of each ExcelApi version the gateway makes (API reference, per method).
  // A call listed here must still be in src/workbook/office, and the manifest must declare the highest.
  const EXCEL_API_CALLS: [call: string, minor: number][] = [
    ["customProperties", 12],
    ["getTables(", 9],
    ["getSurroundingRegion", 7],
    ["onChanged", 7],
    ["getUsedRangeOrNullObject", 4],
  ];

  test("declares the ExcelApi set the gateway's Office calls need", () => {
    const officeDir = path.join(__dirname, "..", "src", "workbook", "office");
    const source = fs
      .readdirSync(officeDir)
      .map((f) => fs.readFileSync(path.join(officeDir, f), "utf8"))
      .join("\n");
    for (const [call] of EXCEL_API_CALLS) expect([call, source.includes(call)]).toEqual([call, true]);
    const needed = Math.max(...EXCEL_API_CALLS.map(([, v]) => v));
    const excel = named("Set").find((e) => e.attrs.Name === "ExcelApi" && !under(e, "VersionOverrides"));
    // Versions are "1.<minor>": 1.12 is after 1.9, so compare the minor numbers, not decimals.
    expect(excel?.attrs.MinVersion).toMatch(/^1\.\d+$/);
    expect(Number(excel?.attrs.MinVersion.split(".")[1])).toBeGreaterThanOrEqual(needed);
  });

  test("declares one long-lived shared runtime used by functions, pane and ribbon", () => {
    const runtimes = named("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
    const shared = runtimes[0].attrs.resid;
    expect(shared).toBe("Taskpane.Url");
    // The custom functions' Page, the FunctionFile and the ShowTaskpane action use that runtime.
    const page = named("SourceLocation").find((e) => under(e, "Page"));
    expect(page?.attrs.resid).toBe(shared);
    expect(named("FunctionFile")[0]?.attrs.resid).toBe(shared);
    const actions = named("SourceLocation").filter((e) => under(e, "Action"));
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.attrs.resid).toBe(shared);
  });

  test("custom functions: script, metadata and the RR namespace", () => {
    const ep = elements.filter((e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions");
    expect(ep).toHaveLength(1);
    const script = named("SourceLocation").find((e) => under(e, "Script"));
    const metadata = named("SourceLocation").find((e) => under(e, "Metadata"));
    const urlOf = (resid: string | undefined) => named("bt:Url").find((u) => u.attrs.id === resid)?.attrs.DefaultValue;
    expect(urlOf(script?.attrs.resid)).toBe(`${DEV_ORIGIN}/functions.js`);
    expect(urlOf(metadata?.attrs.resid)).toBe(`${DEV_ORIGIN}/functions.json`);
    const nsResid = named("Namespace")[0]?.attrs.resid;
    expect(nsResid).toBeDefined();
    const ns = named("bt:String").filter((s) => s.attrs.id === nsResid && under(s, "bt:ShortStrings"));
    expect(ns).toHaveLength(1);
    expect(ns[0].attrs.DefaultValue).toBe("RR");
  });
});

describe("manifest.xml resources", () => {
  const definitions = elements.filter((e) => under(e, "Resources") && ["bt:Image", "bt:Url", "bt:String"].includes(e.name));
  const references = elements.filter((e) => e.attrs.resid !== undefined);

  test("every resource id is defined exactly once and is at most 32 characters", () => {
    expect(definitions.length).toBeGreaterThan(0);
    const counts = new Map<string, number>();
    for (const d of definitions) counts.set(d.attrs.id, (counts.get(d.attrs.id) ?? 0) + 1);
    const duplicated = [...counts].filter(([, n]) => n !== 1).map(([id]) => id);
    expect(duplicated).toEqual([]);
    const tooLong = definitions.map((d) => d.attrs.id).filter((id) => !id || id.length > 32);
    expect(tooLong).toEqual([]);
  });

  test("every resid refers to a defined resource of the right kind", () => {
    expect(references.length).toBeGreaterThan(0);
    const kindOf = new Map<string, string>();
    for (const d of definitions) kindOf.set(d.attrs.id, d.ancestors[d.ancestors.length - 1]);
    const problems: string[] = [];
    for (const r of references) {
      const kind = kindOf.get(r.attrs.resid);
      if (kind === undefined) {
        problems.push(`${r.name} resid="${r.attrs.resid}" is not defined`);
        continue;
      }
      const expected =
        r.name === "bt:Image"
          ? "bt:Images"
          : ["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(r.name)
            ? "bt:Urls"
            : r.name === "Description"
              ? "bt:LongStrings"
              : "bt:ShortStrings"; // Label, Title, Namespace
      if (kind !== expected) problems.push(`${r.name} resid="${r.attrs.resid}" is in ${kind}, expected ${expected}`);
      if (r.attrs.resid.length > 32) problems.push(`resid "${r.attrs.resid}" is longer than 32 characters`);
    }
    expect(problems).toEqual([]);
  });

  test("strings fit Office's limits: short strings 125 characters, long strings and the description 250", () => {
    const strings = named("bt:String");
    expect(strings.length).toBeGreaterThan(0);
    for (const e of strings) {
      const limit = under(e, "bt:ShortStrings") ? 125 : 250;
      expect([e.attrs.id, (e.attrs.DefaultValue ?? "").length <= limit]).toEqual([e.attrs.id, true]);
    }
    const description = named("Description").find((e) => !under(e, "VersionOverrides"));
    expect((description?.attrs.DefaultValue ?? "").length).toBeGreaterThan(20);
    expect((description?.attrs.DefaultValue ?? "").length).toBeLessThanOrEqual(250);
  });

  test("every defined resource is used", () => {
    const used = new Set(references.map((r) => r.attrs.resid));
    const unused = definitions.map((d) => d.attrs.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  test("ribbon icons are given at 16, 32 and 80 px and match their file names", () => {
    const images = named("bt:Image").filter((e) => under(e, "bt:Images"));
    const sizes = images.map((i) => Number(/icon-(\d+)\.png$/.exec(i.attrs.DefaultValue)?.[1]));
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 80]);
    for (const use of named("bt:Image").filter((e) => e.attrs.resid !== undefined)) {
      const def = images.find((i) => i.attrs.id === use.attrs.resid);
      expect(def?.attrs.DefaultValue).toBe(`${DEV_ORIGIN}/assets/icon-${use.attrs.size}.png`);
    }
  });
});

describe("manifest.xml URLs", () => {
  const urls = collectUrls();

  test("names the expected URLs", () => {
    const all = urls.map((u) => u.url);
    for (const expected of [
      `${DEV_ORIGIN}/taskpane.html`,
      `${DEV_ORIGIN}/functions.js`,
      `${DEV_ORIGIN}/functions.json`,
      `${DEV_ORIGIN}/assets/icon-16.png`,
      `${DEV_ORIGIN}/assets/icon-32.png`,
      `${DEV_ORIGIN}/assets/icon-64.png`,
      `${DEV_ORIGIN}/assets/icon-80.png`,
    ]) {
      expect(all).toContain(expected);
    }
    expect(urls.some((u) => u.from === "SupportUrl")).toBe(true);
    expect(urls.some((u) => u.from === "AppDomain")).toBe(true);
  });

  test("every URL is https", () => {
    const bad = urls.filter((u) => {
      try {
        return new URL(u.url).protocol !== "https:";
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });

  test("every localhost URL maps to a file in dist/", () => {
    const local = urls.filter((u) => u.url.startsWith(`${DEV_ORIGIN}/`));
    expect(local.length).toBeGreaterThanOrEqual(7);
    const missing = local
      .map((u) => ({ ...u, file: path.join(DIST, decodeURIComponent(new URL(u.url).pathname.slice(1))) }))
      .filter((u) => !fs.existsSync(u.file) || !fs.statSync(u.file).isFile())
      .map((u) => `${u.from}: ${u.url}`);
    expect(missing).toEqual([]);
    // No other local origin (another port, http) sneaks in.
    const otherLocal = urls.filter((u) => /localhost|127\.0\.0\.1/.test(u.url) && !u.url.startsWith(`${DEV_ORIGIN}/`));
    expect(otherLocal).toEqual([]);
  });
});

describe("icons", () => {
  const files = ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"];

  test.each(files)("%s is a real PNG of its size, not a single colour (assets/ and dist/assets/)", (name) => {
    const size = Number(/icon-(\d+)\.png/.exec(name)?.[1]);
    for (const dir of [path.join(ROOT, "assets"), path.join(DIST, "assets")]) {
      const png = decodePng(path.join(dir, name));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.pixels.length).toBe(size * size * png.channels);
      // Background, blue and white at least.
      expect(distinctColours(png)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("dist/taskpane.html (shared runtime page)", () => {
  const html = () => fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const scriptSrcs = () => [...html().matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)["']?[^>]*>/gi)].map((m) => m[1]);

  test("loads office.js from Microsoft's CDN", () => {
    expect(scriptSrcs()).toContain(OFFICE_JS_CDN);
  });

  test("loads functions.js and taskpane.js, after office.js", () => {
    const srcs = scriptSrcs().map((s) => s.replace(/^\.?\//, ""));
    const office = srcs.indexOf(OFFICE_JS_CDN);
    const functions = srcs.indexOf("functions.js");
    const taskpane = srcs.indexOf("taskpane.js");
    expect(functions).toBeGreaterThan(-1);
    expect(taskpane).toBeGreaterThan(-1);
    expect(office).toBeGreaterThan(-1);
    expect(office).toBeLessThan(functions);
    expect(functions).toBeLessThan(taskpane);
  });

  test("has the React container", () => {
    expect(html()).toMatch(/<div\b[^>]*\bid\s*=\s*["']?container["'\s>]/i);
  });
});
