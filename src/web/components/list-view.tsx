/**
 * @module web/components/list-view
 * The list every registry page shows: a search box (Japanese or English), filters, a sortable table and
 * "show more" through the API's cursor. Search, filters and sort live in the query string, so the back
 * button and a shared link bring the same list back.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Bilingual } from "../../core/domain.ts";
import { formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { api, ApiError, withQuery, type ListPage, type Problem } from "../lib/api.ts";
import { useQueryState } from "../lib/router.tsx";
import { ProblemAlert } from "./problem-alert.tsx";

export interface Column<T> {
  key: string;
  label: MessageKey;
  render: (item: T) => ReactNode;
  /** The API's sort key for this column, if it can be sorted. */
  sort?: string;
  numeric?: boolean;
}

export interface FilterSpec {
  /** Query parameter of the API (and of the page's address). */
  name: string;
  label: MessageKey;
  kind: "select" | "date" | "year";
  options?: readonly string[];
  optionLabels?: Record<string, Bilingual>;
  /** Label of the empty choice; "All" by default. */
  emptyLabel?: MessageKey;
}

/** The API parameters currently chosen on the page (search and filters, not the cursor). */
export function useListParams(filters: readonly FilterSpec[]): Record<string, string> {
  const [query] = useQueryState();
  const params: Record<string, string> = {};
  for (const name of ["q", "sort", ...filters.map((f) => f.name)]) {
    const value = query.get(name);
    if (value) params[name] = value;
  }
  return params;
}

export function SearchAndFilters({ filters, idPrefix }: { filters: readonly FilterSpec[]; idPrefix: string }) {
  const { t, pick } = useI18n();
  const [query, setQuery] = useQueryState();
  const urlQ = query.get("q") ?? "";
  const [text, setText] = useState(urlQ);
  useEffect(() => setText(urlQ), [urlQ]);
  useEffect(() => {
    if (text === urlQ) return;
    const timer = window.setTimeout(() => setQuery({ q: text.trim() || null }), 250);
    return () => window.clearTimeout(timer);
  }, [text, urlQ, setQuery]);
  const any = filters.some((f) => query.get(f.name)) || urlQ;
  return (
    <div className="filters" role="search">
      <div className="filter search">
        <label htmlFor={`${idPrefix}-q`}>{t("common.search")}</label>
        <input id={`${idPrefix}-q`} type="search" placeholder={t("common.searchPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {filters.map((filter) => {
        const id = `${idPrefix}-${filter.name}`;
        const value = query.get(filter.name) ?? "";
        return (
          <div className="filter" key={filter.name}>
            <label htmlFor={id}>{t(filter.label)}</label>
            {filter.kind === "select" ? (
              <select id={id} value={value} onChange={(e) => setQuery({ [filter.name]: e.target.value })}>
                <option value="">{t(filter.emptyLabel ?? "common.all")}</option>
                {(filter.options ?? []).map((option) => (
                  <option key={option} value={option}>
                    {filter.optionLabels?.[option] ? pick(filter.optionLabels[option]) : option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type={filter.kind === "date" ? "date" : "text"}
                inputMode={filter.kind === "year" ? "numeric" : undefined}
                size={filter.kind === "year" ? 6 : undefined}
                value={value}
                onChange={(e) => setQuery({ [filter.name]: e.target.value })}
              />
            )}
          </div>
        );
      })}
      {any ? (
        <button type="button" className="link-button" onClick={() => setQuery(Object.fromEntries(["q", ...filters.map((f) => f.name)].map((k) => [k, null])))}>
          {t("common.clearFilters")}
        </button>
      ) : null}
    </div>
  );
}

export interface ListViewProps<T> {
  /** API path, e.g. /api/offices. */
  path: string;
  columns: readonly Column<T>[];
  rowKey: (item: T) => string;
  caption: MessageKey;
  /** Parameters from the page (search, filters, sort). */
  params: Record<string, string>;
  /** Fixed parameters (e.g. an organisation's id on its detail page). */
  fixed?: Record<string, string>;
  pageSize?: number;
  /** Offer sorting by column headers (off where several lists share one page address). */
  sortable?: boolean;
}

export function ListView<T>({ path, columns, rowKey, caption, params, fixed, pageSize = 25, sortable = true }: ListViewProps<T>) {
  const { t, locale } = useI18n();
  const [, setQuery] = useQueryState();
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const key = withQuery(path, { ...params, ...fixed, limit: pageSize });
  const currentKey = useRef(key);
  currentKey.current = key;

  const load = async (after: string | null, append: boolean, live: () => boolean) => {
    setLoading(true);
    try {
      const page = await api<ListPage<T>>("GET", withQuery(key, { cursor: after }));
      if (!live()) return;
      setItems((prev) => (append ? [...prev, ...page.items] : page.items));
      setTotal(page.total);
      setCursor(page.nextCursor);
      setProblem(null);
    } catch (error) {
      if (live()) setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      if (live()) setLoading(false);
    }
  };

  useEffect(() => {
    let alive = true;
    void load(null, false, () => alive);
    return () => {
      alive = false;
    };
  }, [key]);

  const sort = params.sort ?? "";
  const sortState = (column: Column<T>): "ascending" | "descending" | undefined =>
    !column.sort || !sortable ? undefined : sort === column.sort ? "ascending" : sort === `-${column.sort}` ? "descending" : undefined;

  return (
    <div className="list-view">
      {problem ? <ProblemAlert problem={problem} /> : null}
      <p className="list-count" aria-live="polite">
        {total === null ? t("common.loading") : items.length < total ? t("common.shown", { shown: formatNumber(items.length, locale), total: formatNumber(total, locale) }) : t(total === 1 ? "common.totalOne" : "common.total", { n: formatNumber(total, locale) })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t(caption)}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const state = sortState(column);
                return (
                  <th key={column.key} scope="col" aria-sort={state} className={column.numeric ? "num" : undefined}>
                    {column.sort && sortable ? (
                      <button
                        type="button"
                        className="sort"
                        aria-label={t("common.sortBy", { column: t(column.label) })}
                        onClick={() => setQuery({ sort: state === "ascending" ? `-${column.sort}` : column.sort })}
                      >
                        {t(column.label)}
                        <span aria-hidden="true" className="sort-mark">
                          {state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      t(column.label)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={rowKey(item)}>
                {columns.map((column, i) =>
                  i === 0 ? (
                    <th key={column.key} scope="row">
                      {column.render(item)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.numeric ? "num" : undefined}>
                      {column.render(item)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!loading && total === 0 ? <p className="empty">{t("common.noResults")}</p> : null}
      {cursor ? (
        <button type="button" className="more" disabled={loading} onClick={() => {
            const asked = key;
            void load(cursor, true, () => currentKey.current === asked);
          }}>
          {loading ? t("common.loading") : t("common.more")}
        </button>
      ) : null}
    </div>
  );
}
