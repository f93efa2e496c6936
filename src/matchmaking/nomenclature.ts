/**
 * @module matchmaking/nomenclature
 * The HS 2022 nomenclature and the ja/en product glossary, loaded once per process on first use and
 * shared by request validation and every database's matching index (both are read-only).
 */
import type { Glossary } from "./engine/glossary.ts";
import { loadGlossary } from "./engine/glossary.ts";
import type { HsNomenclature } from "./engine/hs.ts";
import { loadHsNomenclature } from "./engine/hs.ts";

let hs: HsNomenclature | undefined;
let glossary: Glossary | undefined;

export function hsNomenclature(): HsNomenclature {
  hs ??= loadHsNomenclature();
  return hs;
}

export function productGlossary(): Glossary {
  glossary ??= loadGlossary();
  return glossary;
}
