/**
 * An organ's name as the key its reports are matched by. Reports name the same organ in many ways —
 * “扎毛乡人民政府”, “扎毛乡”, “青禾县扎毛乡人民政府”, “**青禾县扎毛乡政府**” — and the county must see one row
 * per organ, and compare a report with the same organ's last year. Rules, in order:
 * 1. markup and spacing go: HTML tags, Markdown markers (# * _ ` ~), quotes and brackets, every space,
 *    full-width forms (NFKC), a year or number before the name;
 * 2. “人民政府” is “政府” wherever it stands (“县人民政府办公室” ≈ “县政府办公室”), and a trailing “政府”
 *    goes (a government is named by its place); “街道办事处” is “街道”;
 * 3. a parent prefix goes: the key starts at the innermost place that is not the organ's own parent
 *    (“某某市某某县某某乡” → “某某乡”; “某某市某某县财政局” → “某某县财政局”; “某某县财政局” stays, since
 *    without its county it would be any county's 财政局);
 * 4. admin-set aliases (alias → canonical name, each side normalised the same way) map what is left.
 * Pure and deterministic: the same name always gives the same key.
 */

/** Alias → canonical name, as an admin sets them (“城关镇” → “城关街道” after a renaming). */
export type OrganAliases = Readonly<Record<string, string>>;

/** What the importer names an organ it could not read (shared/import report-text.ts). */
export const UNKNOWN_ORGAN = '未识别机关';

/** A place's unit, longest first so “自治县” is not read as “自治” + “县”. */
const PLACE_UNIT = '(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|县|区|旗|乡|镇)';
/** A leading place: one to eight characters of name, then its unit. */
const LEADING_PLACE = new RegExp(`^([\\u4e00-\\u9fff]{1,8}?)(${PLACE_UNIT})`, 'u');
const LEADING_UNIT = new RegExp(`^${PLACE_UNIT}`, 'u');
/**
 * Words that end in a unit character but are no place: “城市管理局”, “住房城乡建设局”, “乡镇企业局”,
 * “社区”, “园区”. A “place” of these words is part of a department's name.
 */
const NOT_A_PLACE =
  /(?:城市|城乡|都市|城镇|乡镇)$|^(?:社区|园区|景区|矿区|林区|牧区|山区|市区|城区|辖区|开发区|新区)$/u;

function compact(name: string): string {
  return (
    name
      .normalize('NFKC')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|&#160;/g, '')
      .replace(/[#*_`~《》“”"'‘’【】[\]()（）「」]/g, '')
      .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')
      // A year or a number a title put before the name (“2023年度”, “1.”).
      .replace(/^(?:\d{4}年?度?|\d+[.、])+/, '')
  );
}

/** The leading places of a name, outermost first, and what follows them. */
function splitPlaces(name: string): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = name;
  for (let m = LEADING_PLACE.exec(rest); m; m = LEADING_PLACE.exec(rest)) {
    let place = m[0];
    // A one-character name whose unit is followed by another unit is one place: 苏州市, 新市镇, 沙市区.
    const more = (m[1] ?? '').length === 1 ? LEADING_UNIT.exec(rest.slice(place.length)) : null;
    if (more) place += more[0];
    if (NOT_A_PLACE.test(place)) break;
    places.push(place);
    rest = rest.slice(place.length);
  }
  return { places, rest };
}

/** Rules 1–3: the name without markup, government suffix or parent prefix. */
function baseKey(name: string): string {
  const bare = compact(name)
    .replace(/人民政府/g, '政府')
    .replace(/街道办事处$/, '街道')
    .replace(/政府$/, '');
  const { places, rest } = splitPlaces(bare);
  const inner = places[places.length - 1];
  // A government: its innermost place. A department: the innermost place before it, and its own name.
  return inner === undefined ? bare : `${inner}${rest}`;
}

/**
 * What is no organ's name, though a reader may take it for one: “未识别机关”, a pronoun (“我局”, “本镇”) and
 * the start of a sentence (“根据中华人民共和国…”). Each of these would join different organs into one.
 */
const NO_NAME = new RegExp(
  `^(?:${UNKNOWN_ORGAN}|(?:我|本)(?:局|委|办|乡|镇|街道|区|县|市|单位|机关|部门|中心|院|厅)|(?:根据|按照|依据|依照).*)?$`,
  'u',
);

/**
 * The key reports of one organ share. Aliases are followed (a chain of them too, never in a loop);
 * an empty name, or what is no name (NO_NAME), gives ''.
 */
export function normaliseOrganName(name: string, aliases: OrganAliases = {}): string {
  if (NO_NAME.test(compact(name))) return '';
  const byKey = new Map<string, string>();
  for (const [alias, canonical] of Object.entries(aliases)) byKey.set(baseKey(alias), baseKey(canonical));
  let key = baseKey(name);
  const seen = new Set<string>([key]);
  for (let next = byKey.get(key); next !== undefined && !seen.has(next); next = byKey.get(key)) {
    key = next;
    seen.add(key);
  }
  return key;
}

/**
 * Whether two names are one organ: equal keys, or one key the other with what precedes it (“财政局” as a
 * report's title gives it, “某某县财政局” as the county knows it). A name that could not be read
 * (empty, “未识别机关”) is not held against a report: it matches.
 */
export function sameOrgan(a: string, b: string, aliases: OrganAliases = {}): boolean {
  const [x, y] = [normaliseOrganName(a, aliases), normaliseOrganName(b, aliases)];
  if (x === '' || y === '') return true;
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/**
 * The keys of many names read from reports, for grouping: each name's key, except that a department named
 * without its place (“财政局”) joins the one organ whose key ends with it (“某某县财政局”) when there is
 * exactly one. In the order given.
 */
export function groupOrganNames(names: readonly string[], aliases: OrganAliases = {}): string[] {
  const keys = names.map((n) => normaliseOrganName(n, aliases));
  const distinct = [...new Set(keys)].filter((k) => k !== '');
  return keys.map((key) => {
    if (key === '' || splitPlaces(key).places.length > 0) return key;
    const longer = distinct.filter((k) => k !== key && k.endsWith(key));
    return longer.length === 1 ? (longer[0] ?? key) : key;
  });
}
