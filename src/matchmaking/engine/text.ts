/**
 * @module matchmaking/engine/text
 * Tokeniser for Japanese and English profile text. Both languages go through one ICU word segmenter
 * (`Intl.Segmenter`, locale "ja", which splits Latin text on UAX #29 word boundaries and Japanese with
 * its dictionary). Tokens are NFKC-normalised and lower-cased; English tokens get a light plural
 * stemmer, kana tokens are folded to hiragana so that リンゴ and りんご are one term; stop words,
 * numbers and lone kana are dropped. Offsets are kept so the glossary matcher can align to tokens.
 */

const SEGMENTER = new Intl.Segmenter("ja", { granularity: "word" });

/** One word of the normalised text. `norm` is "" for tokens that carry no meaning (stop words…). */
export interface Token {
  /** Surface form in the NFKC, lower-cased text. */
  surface: string;
  /** Term used for matching (stemmed / kana-folded), or "" when dropped. */
  norm: string;
  /** Stemmed word even when it is a stop word (Latin tokens only; "" otherwise), for glossary phrases. */
  stem: string;
  start: number;
  end: number;
  latin: boolean;
}

export interface TokenisedText {
  /** NFKC-normalised, lower-cased text the offsets refer to. */
  text: string;
  tokens: Token[];
}

const EN_STOP = new Set(
  (
    "a an the and or nor of for to in on at by with from into onto as is are was were be been being am " +
    "we our ours us i my me you your they their them it its this that these those he she his her " +
    "will would can could should shall may might must have has had do does did not no yes so such " +
    "than then there here which who whom whose what when where why how all any each every both some " +
    "also very more most other others about over under per via up down out only just etc eg ie " +
    "looking look seek seeking need needs needed want wanted wish require requires required requirement " +
    "interested interest find offer offers offering provide provides providing supply supplies supplying " +
    "supplier suppliers partner partners buyer buyers import imports importer importers export exports " +
    "exporter exporters distributor distributors company companies firm business products product " +
    "goods item items range wide variety various quality high premium good best new based " +
    "japan japanese co ltd inc kk llc corp corporation prefecture city region regional local"
  ).split(" "),
);

/** Particles, auxiliaries and filler words (in hiragana after folding) plus generic business words. */
const JA_STOP = new Set(
  (
    "の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この " +
    "ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず " +
    "なり られる において ば なかっ なく しかし について せ だっ できる それ う ので なお のみ でき き つ " +
    "における および いう さらに でも ら たり たい ます ません ん なら に対して 特に せる 及び これら とき では にて " +
    "ほか ながら うち そして とともに ただし または お ほど ものの に対する といった です とも ところ ここ " +
    "高 てい ており います おります ました でし ござい 致し いたし 等 向け 向 用 産 製 県 市 町 村 都 府 道 的 " +
    "各 他 約 社 弊社 当社 私 私たち 我々 ご 御 様 株式会社 有限会社 合同会社 企業 会社 日本 国内 海外 輸出 " +
    "輸入 取扱 取り扱い 販売 探し 探す 探して 求む 求め 希望 提供 可能 対応 商品 製品 品質 高品質"
  ).split(" "),
);

const KATAKANA = /[\u30a1-\u30f6]/g;
/** Folds katakana to hiragana (ー and other marks stay). */
export function foldKana(s: string): string {
  return s.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const IRREGULAR: Record<string, string> = {
  knives: "knife",
  leaves: "leaf",
  shelves: "shelf",
  halves: "half",
  loaves: "loaf",
  calves: "calf",
  shoes: "shoe",
  canoes: "canoe",
  oxen: "ox",
  geese: "goose",
  mice: "mouse",
  teeth: "tooth",
  feet: "foot",
  children: "child",
  women: "woman",
  men: "man",
  dies: "die",
  series: "series",
  species: "species",
  aluminium: "aluminum",
  colour: "color",
  colours: "color",
  fibre: "fiber",
  fibres: "fiber",
  tyre: "tire",
  tyres: "tire",
  jewellery: "jewelry",
  moulds: "mold",
  mould: "mold",
  sulphur: "sulfur",
  favour: "favor",
  flavour: "flavor",
  flavours: "flavor",
  centre: "center",
  centres: "center",
  grey: "gray",
};

/** Light English stemmer: plurals only, plus British spellings, so "apples"/"apple" and "tyres"/"tire" meet. */
export function stemEnglish(w: string): string {
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (/(?:sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("oes")) return w.slice(0, -2);
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (w.endsWith("s")) return w.slice(0, -1);
  return w;
}

const LATIN = /^[a-z0-9][a-z0-9'’.&+-]*$/;
const HAS_LETTER = /\p{L}/u;
const ONE_KANA = /^[\u3041-\u309f\u30a0-\u30ff]$/;

/** Normalises a single word the way `tokenise` does (used for glossary terms and stop lists). */
export function normaliseWord(surface: string): string {
  const s = surface.normalize("NFKC").toLowerCase();
  if (LATIN.test(s)) {
    const w = s.replace(/[’']s$/, "").replace(/[’'.]/g, "");
    if (!/[a-z]/.test(w) || EN_STOP.has(w)) return "";
    return stemEnglish(w);
  }
  if (!HAS_LETTER.test(s) || ONE_KANA.test(s)) return "";
  const folded = foldKana(s);
  return JA_STOP.has(folded) ? "" : folded;
}

/** Splits text into tokens with offsets into its normalised form. */
export function tokenise(input: string): TokenisedText {
  const text = input.normalize("NFKC").toLowerCase();
  const tokens: Token[] = [];
  for (const seg of SEGMENTER.segment(text)) {
    if (!seg.isWordLike) continue;
    const surface = seg.segment;
    const latin = LATIN.test(surface);
    tokens.push({
      surface,
      norm: normaliseWord(surface),
      stem: latin ? stemEnglish(surface.replace(/[’']s$/, "").replace(/[’'.]/g, "")) : "",
      start: seg.index,
      end: seg.index + surface.length,
      latin,
    });
  }
  return { text, tokens };
}

/** True when a string contains Japanese script (kana or CJK ideographs). */
export function isJapanese(s: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(s);
}
