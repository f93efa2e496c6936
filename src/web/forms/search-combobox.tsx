/**
 * @module web/forms/search-combobox
 * The searching half of a picker: an ARIA combobox whose options come from an API search (debounced),
 * with the arrow/Enter/Escape keyboard model. Pickers (organisations, HS codes) supply the search and
 * how an option reads, and render their own chips.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface SearchCombobox<T> {
  listId: string;
  query: string;
  setQuery(query: string): void;
  open: boolean;
  setOpen(open: boolean): void;
  active: number;
  /** null: nothing searched yet (the list stays hidden). */
  results: T[] | null;
  choose(item: T): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

/**
 * `search` answers a query (or null when there is nothing to search for); `onChoose` takes the chosen
 * option and returns false to close the list (a single-choice picker).
 */
export function useSearchCombobox<T>(search: (query: string) => Promise<T[]> | null, onChoose: (item: T) => boolean | void): SearchCombobox<T> {
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<T[] | null>(null);
  // The latest search function, so a new closure on every render does not restart the request.
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      const pending = searchRef.current(query.trim());
      if (!pending) {
        setResults(null);
        return;
      }
      pending.then(
        (items) => {
          if (!live) return;
          setResults(items);
          setActive(0);
        },
        () => live && setResults([]),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, open]);

  const choose = (item: T) => {
    if (onChoose(item) === false) setOpen(false);
    setQuery("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, (results?.length ?? 1) - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      if (open && results?.[active]) {
        event.preventDefault();
        choose(results[active]);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return { listId, query, setQuery, open, setOpen, active, results, choose, onKeyDown };
}

export interface ComboboxFieldProps<T> {
  box: SearchCombobox<T>;
  inputId: string;
  label: string;
  placeholder: string;
  emptyText: string;
  invalid?: boolean;
  describedBy?: string;
  keyOf(item: T): string;
  isSelected(item: T): boolean;
  renderOption(item: T): ReactNode;
}

/** The search box and its list of options. */
export function ComboboxField<T>({ box, inputId, label, placeholder, emptyText, invalid, describedBy, keyOf, isSelected, renderOption }: ComboboxFieldProps<T>) {
  const { listId, query, open, active, results } = box;
  const activeId = open && results?.[active] ? `${listId}-${active}` : undefined;
  return (
    <>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-label={`${label}: ${placeholder}`}
        aria-expanded={open && results !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          box.setQuery(e.target.value);
          box.setOpen(true);
        }}
        onFocus={() => box.setOpen(true)}
        onBlur={() => box.setOpen(false)}
        onKeyDown={box.onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} className="listbox" hidden={!open || results === null}>
        {results === null ? null : results.length === 0 ? (
          <li className="empty" role="presentation">
            {emptyText}
          </li>
        ) : (
          results.map((item, i) => (
            <li
              key={keyOf(item)}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={isSelected(item)}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => box.choose(item)}
            >
              {renderOption(item)}
            </li>
          ))
        )}
      </ul>
    </>
  );
}
